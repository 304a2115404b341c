"""What an import did, file by file: an outcome from a fixed list, never a string parsed back."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"  # a stored article extracted again
    UNCHANGED = "unchanged"
    REJECTED = "rejected"
    WOULD_CREATE = "would create"  # a dry run
    WOULD_UPDATE = "would update"


@dataclass(frozen=True)
class FileResult:
    name: str
    outcome: Outcome
    detail: str = ""
    article_id: int | None = None

    @property
    def message(self) -> str:
        """ "created with 3 events", "rejected: empty file", "unchanged (same text ...)"."""
        if self.outcome == Outcome.REJECTED:
            return f"rejected: {self.detail}"
        return f"{self.outcome} {self.detail}".strip()


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    results: list[FileResult] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.results.append(result)
        match result.outcome:
            case Outcome.CREATED | Outcome.WOULD_CREATE:
                self.created += 1
            case Outcome.UPDATED | Outcome.WOULD_UPDATE:
                self.updated += 1
            case Outcome.UNCHANGED:
                self.unchanged += 1
            case Outcome.REJECTED:
                self.failed += 1

    def fail(self, name: str, reason: str) -> None:
        self.add(FileResult(name, Outcome.REJECTED, reason))

    @property
    def errors(self) -> list[tuple[str, str]]:
        """(file, reason) of every rejected file."""
        return [(r.name, r.detail) for r in self.results if r.outcome == Outcome.REJECTED]

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed"
        )
