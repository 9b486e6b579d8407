"""The elements a theory of change keeps by id besides its nodes: indicators,
assumptions, actors and consultation feedback (part of TheoryOfChange)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

from . import _core
from ._core.model import Actor, Assumption, Feedback, Indicator, Link, Node

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import ActorFields, AssumptionFields, FeedbackFields, IndicatorFields

__all__ = ["KeyedElements", "update", "value_of"]

_V = TypeVar("_V", Node, Link, Indicator, Assumption, Actor, Feedback)


def value_of(cls: type[_V], value: Optional[_V], fields: Mapping[str, Any]) -> _V:
    """A value from keyword fields, or a given value with some fields replaced."""
    if value is None:
        return cls(**fields)
    if not isinstance(value, cls):
        raise TypeError(f"expected a {cls.__name__}, got {type(value).__name__}")
    return value.replace(**fields) if fields else value


def update(toc: KeyedElements, kind: str, cls: type[_V], value: Union[_V, str], fields: Mapping[str, Any]) -> None:
    """update_<kind>: by id plus the fields to change (in one locked edit), or by value."""
    if isinstance(value, str):
        getattr(toc._toc, f"patch_{kind}")(value, dict(fields))
    else:
        getattr(toc._toc, f"update_{kind}")(value_of(cls, value, fields))


class KeyedElements:
    """Adding, reading, updating and removing the elements kept by id (a TheoryOfChange base)."""

    __slots__ = ()
    _toc: _core.model.TheoryOfChange

    def indicators(self, node: Optional[str] = None) -> list[Indicator]:
        """All indicators (copies), or those measuring one node (KeyError if unknown)."""
        return self._toc.indicators() if node is None else self._toc.indicators_of(node)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id (a copy); KeyError if there is none."""
        return self._toc.indicator(indicator_id)

    def has_indicator(self, indicator_id: str) -> bool:
        """True if an indicator has this id."""
        return self._toc.has_indicator(indicator_id)

    def add_indicator(self, indicator: Optional[Indicator] = None, /, **fields: Unpack[IndicatorFields]) -> None:
        """Adds an indicator (ModelError for a repeated id, an unknown node, a reversed period)."""
        self._toc.add_indicator(value_of(Indicator, indicator, fields))

    def update_indicator(self, indicator: Union[Indicator, str], /, **fields: Unpack[IndicatorFields]) -> None:
        """Replaces an indicator, given as an Indicator or as its id plus the fields to change."""
        update(self, "indicator", Indicator, indicator, fields)

    def remove_indicator(self, indicator_id: str) -> None:
        """Removes an indicator; KeyError if there is none."""
        self._toc.remove_indicator(indicator_id)

    def assumptions(self) -> list[Assumption]:
        """All assumptions (copies) in insertion order."""
        return self._toc.assumptions()

    def assumption(self, assumption_id: str) -> Assumption:
        """The assumption with this id (a copy); KeyError if there is none."""
        return self._toc.assumption(assumption_id)

    def has_assumption(self, assumption_id: str) -> bool:
        """True if an assumption has this id."""
        return self._toc.has_assumption(assumption_id)

    def add_assumption(self, assumption: Optional[Assumption] = None, /, **fields: Unpack[AssumptionFields]) -> None:
        """Adds an assumption, given as an Assumption or as keyword fields."""
        self._toc.add_assumption(value_of(Assumption, assumption, fields))

    def update_assumption(self, assumption: Union[Assumption, str], /, **fields: Unpack[AssumptionFields]) -> None:
        """Replaces an assumption, given as an Assumption or as its id plus the fields to change."""
        update(self, "assumption", Assumption, assumption, fields)

    def remove_assumption(self, assumption_id: str) -> None:
        """Removes an assumption and every link's reference to it; KeyError if absent."""
        self._toc.remove_assumption(assumption_id)

    def actors(self) -> list[Actor]:
        """All actors (copies) in insertion order."""
        return self._toc.actors()

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (a copy); KeyError if there is none."""
        return self._toc.actor(actor_id)

    def has_actor(self, actor_id: str) -> bool:
        """True if an actor has this id."""
        return self._toc.has_actor(actor_id)

    def add_actor(self, actor: Optional[Actor] = None, /, **fields: Unpack[ActorFields]) -> None:
        """Adds an actor, given as an Actor or as keyword fields."""
        self._toc.add_actor(value_of(Actor, actor, fields))

    def update_actor(self, actor: Union[Actor, str], /, **fields: Unpack[ActorFields]) -> None:
        """Replaces an actor, given as an Actor or as its id plus the fields to change."""
        update(self, "actor", Actor, actor, fields)

    def remove_actor(self, actor_id: str) -> None:
        """Removes an actor and every node's reference to it; KeyError if absent."""
        self._toc.remove_actor(actor_id)

    def feedback(self) -> list[Feedback]:
        """All consultation feedback (copies) in insertion order."""
        return self._toc.feedback()

    def feedback_item(self, feedback_id: str) -> Feedback:
        """The feedback with this id (a copy); KeyError if there is none."""
        return self._toc.feedback_item(feedback_id)

    def has_feedback(self, feedback_id: str) -> bool:
        """True if a feedback item has this id."""
        return self._toc.has_feedback(feedback_id)

    def add_feedback(self, feedback: Optional[Feedback] = None, /, **fields: Unpack[FeedbackFields]) -> None:
        """Adds consultation feedback, given as a Feedback or as keyword fields."""
        self._toc.add_feedback(value_of(Feedback, feedback, fields))

    def update_feedback(self, feedback: Union[Feedback, str], /, **fields: Unpack[FeedbackFields]) -> None:
        """Replaces feedback, given as a Feedback or as its id plus the fields to change."""
        update(self, "feedback", Feedback, feedback, fields)

    def remove_feedback(self, feedback_id: str) -> None:
        """Removes a feedback item; KeyError if there is none."""
        self._toc.remove_feedback(feedback_id)
