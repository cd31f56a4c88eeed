from osteoactive.json_command import JsonCommand
from programs.domain.generation import generate_program
from programs.domain.library_file import load_library_file
from programs.domain.program_json import program_to_json
from programs.domain.request import ProgramInputError
from programs.domain.request_json import request_from_json


class Command(JsonCommand):
    help = (
        'Reads the domain.md §5 request {"inputs": <assessment inputs>, "result": <categorisation '
        'result>, "options": {...}} ("inputs" optional) and prints the program built from the '
        "default library as the §5 JSON."
    )

    def convert(self, data):
        try:
            request = request_from_json(data)
        except ProgramInputError as error:
            raise self.InvalidEntry(
                [f"{field}: {text}" for field, text in error.errors.items()]
            ) from error
        library = [entry.spec for entry in load_library_file().entries]
        return program_to_json(generate_program(request, library))
