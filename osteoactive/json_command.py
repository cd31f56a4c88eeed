"""Shared plumbing of the JSON command-line interfaces: read FILE or '-', print JSON."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError


class JsonCommand(BaseCommand):
    """Reads one JSON object or a list of them; `convert` turns one into the output or raises
    InvalidEntry with its messages. Errors exit non-zero and nothing is printed to stdout."""

    class InvalidEntry(Exception):
        def __init__(self, messages):
            self.messages = messages
            super().__init__("; ".join(messages))

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON file, or - for standard input")

    def convert(self, data):
        raise NotImplementedError

    def handle(self, *args, file, **options):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()  # noqa: SIM115
            data = json.loads(text)
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"not valid JSON: {error}") from error
        batch = isinstance(data, list)
        outputs, problems = [], []
        for index, entry in enumerate(data if batch else [data]):
            try:
                outputs.append(self.convert(entry))
            except self.InvalidEntry as invalid:
                where = f"[{index}] " if batch else ""
                problems.extend(f"{where}{message}" for message in invalid.messages)
        if problems:
            for message in problems:
                self.stderr.write(message)
            raise CommandError(f"{len(problems)} invalid field(s); nothing was written.")
        result = outputs if batch else outputs[0]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
