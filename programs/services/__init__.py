"""Writes of the exercise library and programs (`<entity>_<verb>`, each in one transaction).

- `programs`: the generator's request for an assessment, a new program, and the refresh after
  every edit (numbering, minutes per session);
- `items`: the program editor's edits of items (add, swap, dose, move, remove);
- `continuity`: clinic templates (save, rename, delete, apply) and continuing a program at a
  reassessment;
- `loads`: the HiRIT load log;
- `exercises`: the clinic's own exercises and the global ones it hides.
"""

from .continuity import (
    program_continue,
    program_from_template,
    program_template_delete,
    program_template_rename,
    program_template_save,
    progress_between,
)
from .exercises import exercise_save, exercise_toggle_hidden
from .items import (
    ADDED_BY_HAND,
    DOWN,
    UP,
    NeedsConfirmation,
    add_violations,
    dose_text,
    first_phase_index,
    program_item_add,
    program_item_move,
    program_item_remove,
    program_item_set_dose,
    program_item_swap,
    swap_candidates,
)
from .loads import heavy_lifts, lift_loads_record
from .programs import (
    assessment_request,
    program_generate,
    program_refresh,
    program_request,
    request_data,
)

__all__ = [
    "ADDED_BY_HAND", "DOWN", "UP", "NeedsConfirmation", "add_violations", "assessment_request",
    "dose_text", "exercise_save", "exercise_toggle_hidden", "first_phase_index", "heavy_lifts",
    "lift_loads_record", "program_continue", "program_from_template", "program_generate",
    "program_item_add", "program_item_move", "program_item_remove", "program_item_set_dose",
    "program_item_swap", "program_refresh", "program_request", "program_template_delete",
    "program_template_rename", "program_template_save", "progress_between", "request_data",
    "swap_candidates",
]  # fmt: skip
