"""The assessment form's errors on the page: each check's error on its field, and the summary
at the top of the page that lists every error in page order and links to its field."""

from django import forms
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

from osteoactive.language import current_language

from .carry_forward import FES_I_FIELDS


class ErrorsOnPage:
    """For AssessmentForm: `_attach` puts parse_assessment's errors on their fields."""

    def _attach(self, errors):
        """Puts each parse_assessment error on its field, unless Django already put one there."""
        language = current_language()
        for path, text in errors.items():
            message = text[language]
            if path.startswith("fractures["):
                index, _dot, name = path[len("fractures[") :].partition("].")
                self._fracture_error(int(index), name, message)
                continue
            name = self._field_of(path)
            if name is None:
                self.add_error(None, message)
            elif name not in self.errors:
                self.add_error(name, message)

    def _field_of(self, path):
        if path.startswith("t_scores."):
            return f"t_{path.split('.', 1)[1]}"
        if path.startswith("fes_i_short"):
            index = path[len("fes_i_short[") : -1] if path.endswith("]") else "0"
            return FES_I_FIELDS[int(index)] if index.isdigit() else FES_I_FIELDS[0]
        if path.startswith("risk_factors"):
            return "risk_factors"
        return path if path in self.fields else None

    def _fracture_error(self, index, name, message):
        live = self.live_fractures()
        form = live[index] if index < len(live) else None
        if form is not None and name in form.fields:
            form.add_error(name, message)
        else:
            self.add_error(None, message)

    def anchor(self, name):
        """The id of the element an error links to: the field, or its first choice."""
        widget = self.fields[name].widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"id_{name}_0"
        return self[name].auto_id

    def error_summary(self) -> list[dict]:
        """Every error on the page in page order: {"anchor", "label", "message"}; the fracture
        rows' errors come after the DXA fields, as on the page."""
        order = list(self.fields)
        rows = []
        for name, messages in self.errors.items():
            if name == NON_FIELD_ERRORS:
                rows += [((-1, 0), None, "", m) for m in messages]
                continue
            label = self.fields[name].label
            if name in FES_I_FIELDS:
                label = f"Short FES-I, {label.lower()}"
            rows += [((order.index(name), 0), self.anchor(name), label, m) for m in messages]
        after_dxa = order.index("dxa_scan_date")
        for number, row in enumerate(self.fractures.forms, start=1):
            for name, messages in row.errors.items():
                label = _("Fracture %(number)s: %(field)s") % {
                    "number": number,
                    "field": str(row.fields[name].label).lower(),
                }
                rows += [((after_dxa, number), row[name].auto_id, label, m) for m in messages]
        for message in self.fractures.non_form_errors():
            rows.append(((after_dxa, 0), "fractures-rows", _("Fractures"), message))
        rows.sort(key=lambda row: row[0])
        return [{"anchor": a, "label": label, "message": m} for _key, a, label, m in rows]
