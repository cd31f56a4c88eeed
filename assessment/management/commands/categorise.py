from django.utils import timezone

from assessment.domain.parsing import parse_assessment
from assessment.domain.readers import InputError
from assessment.domain.rules import categorise
from assessment.domain.serialisation import result_to_json
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
