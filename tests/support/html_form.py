"""A form on a page as a browser would post it untouched: what its inputs hold, the boxes that
are ticked, the options that are selected. Lets a test start from what the page shows."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.depth = form_id, False, 0
        self.data: dict[str, list[str]] = {}
        self.select = self.first_option = self.textarea = None
        self.in_template = 0

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.add(a["name"], a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.add(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self.select, self.first_option = a["name"], None
            self.data.setdefault(self.select, [])
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.add(self.select, value)
        elif tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.add(self.textarea, "")

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "template":
            self.in_template -= 1
        elif tag == "select" and self.select:
            if not self.data[self.select]:
                self.data[self.select] = [self.first_option or ""]
            self.select, self.first_option = None, None
        elif tag == "textarea" and self.textarea:
            text = self.data[self.textarea][-1]
            self.data[self.textarea][-1] = text[1:] if text.startswith("\n") else text
            self.textarea = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def posted_form(html: str, form_id: str) -> dict[str, list[str] | str]:
    """The values the form `form_id` posts when nothing is changed (a select without a
    selected option posts its first one)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
