from django.utils import timezone

from assessment.categorisation import categorise, result_to_json
from assessment.inputs import InputError, parse_assessment
from osteoactive.json_command import JsonCommand


class Command(JsonCommand):
    help = (
        "Categorises assessment inputs (domain.md §5 JSON, one object or a list) and prints "
        "the result JSON. Invalid input exits non-zero with one message per bad field."
    )

    def convert(self, data):
        try:
            inputs = parse_assessment(data, today=timezone.localdate())
        except InputError as error:
            raise self.InvalidEntry(
                [f"{path}: {text['en']}" for path, text in error.errors.items()]
            ) from error
        return result_to_json(categorise(inputs))
