"""Paging without COUNT(*): a clinic's patient list is read far more often than it is counted,
and counting 10,000 rows on every page view costs more than the page itself."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    object_list: list
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


MAX_PAGE = 100_000


def page_of(queryset, number, size) -> Page:
    """Page `number` (1-based, at most MAX_PAGE; anything else is page 1), fetching one row
    extra to know if there is a next page."""
    try:
        number = min(max(int(number), 1), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(rows[:size], number, len(rows) > size)
