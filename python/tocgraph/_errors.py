"""The exceptions tocgraph raises.

The compiled core translates its C++ exceptions into these classes
(``tocgraph::FormatError`` -> :class:`FormatError`, ``tocgraph::CycleError``
-> :class:`CycleError`, ``tocgraph::ModelError`` -> :class:`ModelError`, any
other ``tocgraph::Error`` -> :class:`Error`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

__all__ = ["CycleError", "Error", "FormatError", "ImpossibleObservations", "InferenceTooLarge", "ModelError"]


class Error(Exception):
    """Base class of every exception tocgraph raises.

    Raised as such when a theory of change cannot be written (a value the
    file format cannot carry, a file that cannot be replaced).
    """


class FormatError(Error, ValueError):
    """Bad input in a file or a string being read.

    ``str(error)`` reads ``FILE[:LINE:COLUMN]: [POINTER: ]PROBLEM``, for example
    ``toc.json: /links/3/target: unknown node "oc9"``.

    Attributes:
        file: the file name as given, or the ``source`` passed to ``loads``.
        pointer: RFC 6901 JSON pointer of the offending value ("" for the
            document, and for syntax errors).
        problem: what is wrong, without the location.
        line: 1-based line of a syntax error, else None.
        column: 1-based column (in characters) of a syntax error, else None.
    """

    file: str
    pointer: str
    problem: str
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self,
        message: str,
        *,
        file: str = "<string>",
        pointer: str = "",
        problem: str = "",
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.pointer = pointer
        self.problem = problem or message
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _make_format_error,
            (str(self), self.file, self.pointer, self.problem, self.line, self.column),
        )


class ModelError(Error, ValueError):
    """An edit that would break the theory of change's integrity.

    For example a duplicate id, a link to an unknown node, a node whose level
    the schema lacks, or a likelihood outside 0..1. Nothing is changed when it
    is raised. (Looking up an id that is absent raises KeyError instead.)

    Attributes:
        id: the id the error concerns (may be empty).
    """

    id: str

    def __init__(self, message: str, *, id: str = "") -> None:
        super().__init__(message)
        self.id = id

    def __reduce__(self) -> tuple[object, ...]:
        return (_make_model_error, (str(self), self.id))


class CycleError(ModelError):
    """The links form a cycle where an analysis needs causes before effects.

    Raised by ``topological_order``, ``count_paths`` and the other analyses
    that order the nodes. ``str(error)`` spells the cycle, for example
    ``the links form a cycle: oc1 -> oc2 -> oc1``.

    Attributes:
        id: the first id of the cycle.
        cycle: the ids along the cycle, each a cause of the next, the first
            repeated at the end.
    """

    cycle: list[str]

    def __init__(self, message: str, *, id: str = "", cycle: Sequence[str] = ()) -> None:
        super().__init__(message, id=id)
        self.cycle = list(cycle)

    def __reduce__(self) -> tuple[object, ...]:
        return (_make_cycle_error, (str(self), self.id, self.cycle))


class InferenceTooLarge(Error):
    """Exact inference would need a table larger than ``max_table_entries``:
    the model's treewidth is too high. Use ``method="monte_carlo"``.

    Attributes:
        variable: the node or assumption whose elimination needs the table.
        clique_size: the number of variables of that table (treewidth + 1).
    """

    variable: str
    clique_size: int

    def __init__(self, message: str, *, variable: str = "", clique_size: int = 0) -> None:
        super().__init__(message)
        self.variable = variable
        self.clique_size = clique_size

    def __reduce__(self) -> tuple[object, ...]:
        return (_make_inference_too_large, (str(self), self.variable, self.clique_size))


class ImpossibleObservations(Error, ValueError):
    """The observations cannot happen together under the probabilistic model,
    or Monte Carlo kept no sample consistent with them."""


def _make_inference_too_large(message: str, variable: str, clique_size: int) -> InferenceTooLarge:
    return InferenceTooLarge(message, variable=variable, clique_size=clique_size)


def _make_format_error(
    message: str,
    file: str,
    pointer: str,
    problem: str,
    line: Optional[int],
    column: Optional[int],
) -> FormatError:
    return FormatError(
        message, file=file, pointer=pointer, problem=problem, line=line, column=column
    )


def _make_model_error(message: str, id: str) -> ModelError:
    return ModelError(message, id=id)


def _make_cycle_error(message: str, id: str, cycle: list[str]) -> CycleError:
    return CycleError(message, id=id, cycle=cycle)
