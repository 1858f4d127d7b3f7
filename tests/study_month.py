"""A month of study, lived through with a fake clock, and an independent record of it.

``simulate_month`` drives the core services the way the app does (reading through
``store.sections``, flashcards through ``store.reviews.answer``, quizzes through
``QuizEngine`` sessions), all on a fake clock, and keeps its own log of every event, so tests
can count the same numbers on their own and compare them with what the Progress view shows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from studyapp.core.clock import FakeClock
from studyapp.core.quiz import QuizEngine
from studyapp.core.store import Store, open_store

ZONE = ZoneInfo("Asia/Shanghai")
DAY_START = 4
START = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai


@dataclass
class Event:
    kind: str  # "read", "review", "answer"
    at: datetime
    key: str = ""  # section id, card key or question key
    value: int = 0  # rating, or 1/0 for a right/wrong answer
    ms: int = 0
    seconds: float = 0.0


@dataclass
class Month:
    store: Store
    clock: FakeClock
    events: list[Event] = field(default_factory=list)
    card_sections: dict[str, str] = field(default_factory=dict)
    question_sections: dict[str, str] = field(default_factory=dict)
    card_state: dict[str, tuple[datetime, int]] = field(default_factory=dict)  # due, state
    read: set[str] = field(default_factory=set)

    def day_of(self, moment: datetime) -> date:
        return (moment.astimezone(ZONE).replace(tzinfo=None) - timedelta(hours=DAY_START)).date()

    @property
    def today(self) -> date:
        return self.day_of(self.clock())


def local(day: date, hour: float) -> datetime:
    """A moment on a study day, ``hour`` hours after local midnight (26 = 02:00 next day)."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=ZONE)
    return (midnight + timedelta(hours=hour)).astimezone(UTC)


def simulate_month(data_dir: Path, profile: str = "month", seed: int = 10) -> Month:
    clock = FakeClock(START)
    store = open_store(data_dir, profile, clock)
    store.question_sets.ensure_builtin()
    store.reviews.tz = ZONE  # the flashcards' day rules are the dashboard's (start 04:00)
    month = Month(store, clock)
    month.card_sections = {f"{r['set_id']}/{r['id']}": r["section_id"] or "" for r in
                           store.db.query("SELECT set_id, id, section_id FROM cards")}
    month.question_sections = {f"{r['set_id']}/{r['id']}": r["section_id"] or "" for r in
                               store.db.query("SELECT set_id, id, section_id FROM questions")}
    assert month.card_sections and month.question_sections, "the built-in sets have items"
    rng = random.Random(seed)
    cards = sorted(month.card_sections)[:40]
    sections = ["intro", "problems.1", "suggestions.5.1", "suggestions.5.2", "suggestions.5.3",
                "reasons.2"]
    first_day = month.day_of(START)
    engine = QuizEngine(store)
    for offset in range(30):
        day = first_day + timedelta(days=offset)
        if offset in (6, 7, 15) or (offset > 20 and offset % 5 == 0):
            continue  # days off: they break the streak
        # Sessions at 09:00, 23:30 (still that day) and 02:30 the next morning (still that
        # study day, as the day starts at 04:00).
        for hour in rng.sample([9.0, 23.5, 26.5], k=rng.randint(1, 2)):
            clock.now = local(day, hour)
            section = rng.choice(sections)
            seconds = rng.choice([20.0, 90.0, 300.0, 600.0])
            store.sections.opened(section)
            store.sections.add_seconds(section, seconds)
            month.events.append(Event("read", clock(), section, seconds=seconds))
            if seconds >= 300:
                store.sections.mark_read(section)
                month.read.add(section)
            for _ in range(rng.randint(0, 12)):
                clock.advance(seconds=40)
                review(month, rng.choice(cards), rng.choice([1, 2, 3, 3, 3, 4]),
                       rng.randint(2000, 9000))
            if rng.random() < 0.6:
                quiz(month, engine, rng, rng.randint(1, 8))
    # The month ends on a study day's afternoon with a little done today.
    clock.now = local(first_day + timedelta(days=30), 15)
    review(month, cards[0], 3, 4000)
    quiz(month, engine, rng, 1)
    return month


def review(month: Month, card_key: str, rating: int, ms: int) -> None:
    """A card graded in the Cards view."""
    answer = month.store.reviews.answer(card_key, rating, ms)
    month.card_state[card_key] = (answer.outcome.due, answer.outcome.memory.state)
    month.events.append(Event("review", month.clock(), card_key, rating, ms))


def quiz(month: Month, engine: QuizEngine, rng: random.Random, answers: int) -> None:
    """A practice quiz over the report: single-choice and true/false questions answered,
    some right and some wrong (the engine scores them)."""
    session = engine.start("practice", "report", count=40, seed=rng.randrange(10**6))
    chosen = [i for i, item in enumerate(session.items)
              if item.question.type in ("single", "truefalse")][:answers]
    for index in chosen:
        month.clock.advance(seconds=30)
        item = session.items[index]
        if item.question.type == "truefalse":
            response: object = rng.random() < 0.5
        else:
            response = rng.choice(item.options())[0]
        ms = rng.randint(3000, 20000)
        grade = session.answer(index, response, ms)
        month.events.append(Event("answer", month.clock(), item.key, int(grade.correct), ms))
    session.finish()
