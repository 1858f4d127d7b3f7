"""The Progress view's numbers: aggregate SQL over the study history, one learner's days.

Everything the dashboard, ``studyapp stats --json`` and the printed report show comes from
:meth:`ProgressService.dashboard`. It reads the ``activity`` summary (an index of reviews,
answers and reading time by UTC hour and section, kept by triggers: migrations.m007), the
cards' schedule and the reading progress, and maps hours to the learner's study days
(``core/studyday.py``: a day starts at 04:00 local time unless the learner chose otherwise,
so that a late evening counts for that day).

The result is cached until the database changes (``sqlite3.Connection.total_changes``, read
without a query) or the local day turns, so coming back to the Progress view costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from sqlite_utils import Database

from studyapp.core.clock import Clock, iso
from studyapp.core.store.service import Service
from studyapp.core.studyday import StudyDay
from studyapp.core.trend import Direction, Trend, share, trend

if TYPE_CHECKING:
    from studyapp.core.report import Report

FORECAST_DAYS = 30
GOAL_KINDS = ("minutes", "reviews")
DEFAULT_GOAL = ("minutes", 20)
RELATIONSHIP_SECTIONS = ["suggestions.5.1", "suggestions.5.2", "suggestions.5.3",
                         "suggestions.5.4"]
TREND_DAYS = 14
# A card counts as learned once it has graduated to review (FSRS state Review).
STATE_NEW, STATE_REVIEW = 0, 2
SCHEDULED_STATES = (1, 2, 3)  # learning, review, relearning: the states with a due date
READ_MINUTES_FOR_A_DAY = 1.0  # reading this long (or any review or answer) makes a study day


@dataclass(frozen=True)
class DayActivity:
    day: date
    reviews: int = 0
    again: int = 0
    hard: int = 0
    good: int = 0
    easy: int = 0
    recalls: int = 0
    recalls_passed: int = 0
    answers: int = 0
    correct: int = 0
    study_ms: int = 0  # time on cards and questions
    reading_seconds: float = 0.0

    @property
    def minutes(self) -> float:
        return self.study_ms / 60000 + self.reading_seconds / 60

    @property
    def studied(self) -> bool:
        return bool(self.reviews or self.answers
                    or self.reading_seconds >= READ_MINUTES_FOR_A_DAY * 60)


@dataclass(frozen=True)
class Summary:
    sections_total: int
    sections_read: int
    cards_total: int
    cards_due_today: int
    cards_learned: int
    reviews: int
    recalls: int
    recalls_passed: int
    answers: int
    correct: int

    @property
    def percent_read(self) -> int:
        return round(100 * self.sections_read / self.sections_total) if self.sections_total else 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def retention(self) -> float | None:
        return self.recalls_passed / self.recalls if self.recalls else None


@dataclass(frozen=True)
class Streak:
    current: int  # study days in a row up to today (or yesterday, while today is still open)
    longest: int
    today: bool  # today already counts


@dataclass(frozen=True)
class Goal:
    kind: str  # "minutes" or "reviews" (cards reviewed plus questions answered)
    target: int
    today: float
    chosen: bool  # the learner set it (else the default is shown)
    locked: bool = False  # set by IT for the PC (core/site_settings.py): not the learner's

    @property
    def met(self) -> bool:
        return self.today >= self.target

    @property
    def fraction(self) -> float:
        return min(1.0, self.today / self.target) if self.target else 1.0


@dataclass(frozen=True)
class SectionMastery:
    section_id: str
    title: str
    read: bool
    cards: int  # cards on this section in the loaded sets
    recalls: int
    recalls_passed: int
    questions: int
    answers: int
    correct: int

    @property
    def retention(self) -> float | None:
        """Share of recalls passed; None when the section has no cards and no reviews."""
        if self.recalls:
            return self.recalls_passed / self.recalls
        return 0.0 if self.cards else None

    @property
    def accuracy(self) -> float | None:
        if self.answers:
            return self.correct / self.answers
        return 0.0 if self.questions else None

    @property
    def score(self) -> float:
        """Reading (1 when read), card retention and quiz accuracy, averaged over the parts
        that apply to the section."""
        parts = [1.0 if self.read else 0.0]
        parts += [value for value in (self.retention, self.accuracy) if value is not None]
        return sum(parts) / len(parts)

    @property
    def practise(self) -> str:
        """What "Practise now" opens: "cards", "quiz" or "read" (nothing to practise)."""
        retention, accuracy = self.retention, self.accuracy
        if retention is None and accuracy is None:
            return "read"
        if accuracy is None or (retention is not None and retention <= accuracy):
            return "cards"
        return "quiz"


@dataclass(frozen=True)
class Relationship:
    section_id: str
    title: str
    score: float  # the section's mastery score
    recent: float | None  # share right (answers and recalls) in the last TREND_DAYS days
    before: float | None  # the same in the TREND_DAYS days before those
    change: Trend = Trend(Direction.TOO_FEW, None)  # core/trend.py's rule, as the Quiz page's

    @property
    def trend(self) -> float | None:
        return self.change.change


@dataclass(frozen=True)
class Dashboard:
    today: date
    summary: Summary
    streak: Streak
    goal: Goal
    days: dict[date, DayActivity]  # only days with activity
    due_forecast: list[int]  # cards due on each of the next FORECAST_DAYS days (0: today)
    mastery: list[SectionMastery]  # weakest first
    relationships: list[Relationship]
    display_name: str
    unit: str
    _series_cache: dict[int, list[DayActivity]] = field(default_factory=dict, compare=False,
                                                        repr=False)

    @property
    def empty(self) -> bool:
        """Nothing studied yet: the view shows what each panel will hold."""
        return not self.days

    def day(self, day: date) -> DayActivity:
        return self.days.get(day) or DayActivity(day)

    def series(self, days: int) -> list[DayActivity]:
        """The last ``days`` days up to today, one entry per day (zeros where none)."""
        if days not in self._series_cache:
            first = self.today - timedelta(days=days - 1)
            self._series_cache[days] = [self.day(first + timedelta(days=n))
                                        for n in range(days)]
        return self._series_cache[days]

    def buttons(self, days: int) -> tuple[int, int, int, int]:
        """Again, Hard, Good, Easy over the last ``days`` days."""
        span = self.series(days)
        return (sum(d.again for d in span), sum(d.hard for d in span),
                sum(d.good for d in span), sum(d.easy for d in span))

    def weekly(self, days: int) -> list[tuple[date, float | None, float | None]]:
        """(first day of the week, quiz accuracy, true retention) per 7 days, oldest first,
        ending today."""
        span = self.series(days)
        weeks = []
        for end in range(len(span), 0, -7):
            chunk = span[max(0, end - 7):end]
            answers = sum(d.answers for d in chunk)
            recalls = sum(d.recalls for d in chunk)
            weeks.append((
                chunk[0].day,
                sum(d.correct for d in chunk) / answers if answers else None,
                sum(d.recalls_passed for d in chunk) / recalls if recalls else None,
            ))
        return weeks[::-1]

    def to_json(self) -> dict[str, Any]:
        """The ``streak``, ``goal`` and ``mastery`` keys of ``studyapp stats --json``."""
        return {
            "streak": {"current": self.streak.current, "longest": self.streak.longest,
                       "today": self.streak.today},
            "goal": {"kind": self.goal.kind, "target": self.goal.target,
                     "today": round(self.goal.today, 1), "met": self.goal.met,
                     "chosen": self.goal.chosen},
            "mastery": [
                {"section": m.section_id, "title": m.title, "read": m.read,
                 "cards": m.cards, "retention": _rounded(m.retention),
                 "questions": m.questions, "answers": m.answers,
                 "accuracy": _rounded(m.accuracy), "score": round(m.score, 3)}
                for m in self.mastery
            ],
        }


# The per-day summary's columns in DayActivity's order (study_ms: cards and questions).
_DAY_SUMS = ("sum(reviews), sum(again), sum(hard), sum(good), sum(easy), sum(recalls), "
             "sum(recalls_passed), sum(answers), sum(correct), sum(review_ms) + sum(answer_ms), "
             "sum(reading_seconds)")


def _less(total: Any, part: Any) -> Any:
    """``total - part`` of one summed column; reading seconds (floats, summed in another
    order than ``total``) within a microsecond of nothing are nothing."""
    rest = total - part
    return 0.0 if isinstance(rest, float) and abs(rest) < 1e-6 else rest


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


class CardsSource(Protocol):
    """What the dashboard takes from the flashcards service (``store.reviews``): the card
    counts ``stats --json`` shows."""

    def card_counts(self) -> dict[str, int]: ...  # total, review, due_today, ...


class ProgressService(Service):
    """Aggregates for the Progress view, on the profile's study day (``days``: the one the
    store shares with the flashcards and the quizzes; a service of its own, starting at
    04:00 in the computer's zone, when None)."""

    def __init__(self, db: Database, clock: Clock, days: StudyDay | None = None) -> None:
        self.db = db
        self.clock = clock
        self.days = days or StudyDay(clock)
        self._cached: tuple[tuple[Any, ...], Dashboard] | None = None
        self.cards: CardsSource | None = None
        self._active_cards = ""  # the filter for cards that can come due (m004's columns)
        self.house_goal: tuple[str, int] | None = None  # IT's default (site settings)
        self.house_goal_locked = False

    def attach_cards(self, cards: CardsSource) -> None:
        """Takes the card counts from the flashcards service, so that the dashboard, the
        Cards view and ``stats --json`` agree on "due today"."""
        self.cards = cards
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(card_state)")}
        self._active_cards = (" AND suspended = 0 AND retired = 0"
                              if {"suspended", "retired"} <= columns else "")
        self._cached = None

    def set_house_goal(self, goal: tuple[str, int] | None, locked: bool = False) -> None:
        """The PC's daily goal from IT's site settings: the default a learner starts with,
        or, locked, the goal whatever the learner chose."""
        self.house_goal, self.house_goal_locked = goal, locked and goal is not None
        self._cached = None

    # -- days ------------------------------------------------------------------------------
    def day_of(self, moment: datetime) -> date:
        """The learner's study day that ``moment`` (aware) falls on."""
        return self.days.day_of(moment)

    def start_of(self, day: date) -> datetime:
        """The moment (UTC) the study day ``day`` begins."""
        return self.days.start_of(day)

    def today(self) -> date:
        return self.days.today()

    # -- settings kept in the profile ------------------------------------------------------
    def _meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.db.query(
            "SELECT key, value FROM meta WHERE key IN "
            "('display_name', 'unit', 'goal_kind', 'goal_target')")}

    def _set_meta(self, values: dict[str, str]) -> None:
        with self.db.atomic():
            for key, value in values.items():
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    def profile_details(self) -> tuple[str, str]:
        """The learner's display name and unit (department); empty when not given."""
        meta = self._meta()
        return meta.get("display_name", ""), meta.get("unit", "")

    def set_profile_details(self, display_name: str, unit: str) -> None:
        self._set_meta({"display_name": display_name.strip(), "unit": unit.strip()})

    def set_goal(self, kind: str, target: int) -> None:
        if kind not in GOAL_KINDS:
            raise ValueError(f"goal kind must be one of {', '.join(GOAL_KINDS)}, not {kind!r}")
        if not 1 <= target <= 10000:
            raise ValueError(f"goal target must be between 1 and 10000, not {target}")
        self._set_meta({"goal_kind": kind, "goal_target": str(int(target))})

    # -- the dashboard ---------------------------------------------------------------------
    def version(self) -> tuple[Any, ...]:
        """Changes when anything the dashboard shows may have changed (no query)."""
        return (self.db.conn.total_changes, self.today(), *self.days.rules())

    def dashboard(self, report: Report) -> Dashboard:
        """Every number of the Progress view; the same object while nothing changed."""
        version = (*self.version(), id(report))
        if self._cached is not None and self._cached[0] == version:
            return self._cached[1]
        result = self._compute(report)
        self._cached = (version, result)
        return result

    def _compute(self, report: Report) -> Dashboard:
        today = self.today()
        days, totals = self._days()
        meta = self._meta()
        mastery = self._mastery(report)
        by_id = {m.section_id: m for m in mastery}
        if self.cards is not None:
            counts = self.cards.card_counts()
            cards_total, due, learned = counts["total"], counts["due_today"], counts["review"]
        else:
            cards_total = self._count("SELECT count(*) FROM cards WHERE retired = 0")
            due = self._count("SELECT count(*) FROM card_state WHERE state <> ? AND due < ?",
                              [STATE_NEW, iso(self.start_of(today + timedelta(days=1)))])
            learned = self._count("SELECT count(*) FROM card_state WHERE state = ?",
                                  [STATE_REVIEW])
        summary = Summary(
            sections_total=len(report.pages),
            sections_read=sum(1 for m in mastery if m.read),
            cards_total=cards_total, cards_due_today=due, cards_learned=learned, **totals,
        )
        kind = meta.get("goal_kind", "")
        chosen = kind in GOAL_KINDS and meta.get("goal_target", "").isdigit()
        if self.house_goal is not None and (self.house_goal_locked or not chosen):
            (kind, target), chosen = self.house_goal, False
        elif not chosen:
            kind, target = DEFAULT_GOAL
        else:
            target = int(meta["goal_target"])
        done_today = days.get(today) or DayActivity(today)
        goal = Goal(kind, target, done_today.minutes if kind == "minutes"
                    else done_today.reviews + done_today.answers, chosen,
                    self.house_goal_locked)
        shown = [section_id for section_id in RELATIONSHIP_SECTIONS if section_id in by_id]
        windows = self._recent_and_before(shown, today)
        relationships = [
            Relationship(section_id, by_id[section_id].title, by_id[section_id].score,
                         *windows[section_id])
            for section_id in shown
        ]
        mastery.sort(key=lambda m: m.score)  # stable: report order among equals
        return Dashboard(
            today=today, summary=summary, streak=_streak(days, today), goal=goal, days=days,
            due_forecast=self._forecast(today), mastery=mastery, relationships=relationships,
            display_name=meta.get("display_name", ""), unit=meta.get("unit", ""),
        )

    def _count(self, sql: str, params: list[Any] | None = None) -> int:
        return int(self.db.execute(sql, params or []).fetchone()[0])

    def _days(self) -> tuple[dict[date, DayActivity], dict[str, int]]:
        """Each study day's activity, and the totals of all time, from the per-day summary
        (migrations.m008: one row per UTC date). A study day is a UTC date's hours from its
        cut on, plus the next date's hours before its cut (StudyDay.date_split): the hours
        before each cut are read from the per-hour summary, a range of its key."""
        starts_at = self.days.starts_at
        totals: dict[str, list[Any]] = {
            row[0]: list(row[1:]) for row in self.db.execute(f"SELECT day, {_DAY_SUMS} "
                                                             "FROM activity_days GROUP BY day")}
        splits = {day: self.days.date_split(day, starts_at) for day in totals}
        early = self._before_cuts({cut for _back, cut in splits.values()}, splits, totals)
        sums: dict[date, list[Any]] = {}
        for day_text, values in totals.items():
            back, cut = splits[day_text]
            day = date.fromisoformat(day_text) - timedelta(days=back)
            if cut >= 24:
                parts = [(day - timedelta(days=1), values)]
            elif cut <= 0 or day_text not in early:
                parts = [(day, values)]
            else:
                before = early[day_text]
                parts = [(day - timedelta(days=1), before),
                         (day, [_less(a, b) for a, b in zip(values, before, strict=True)])]
            for study_day, part in parts:
                into = sums.get(study_day)
                if into is None:
                    sums[study_day] = list(part)
                else:
                    for index, value in enumerate(part):
                        into[index] += value
        result = {}
        for day, v in sums.items():
            n = [int(x) for x in v[:10]]
            activity = DayActivity(day, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8],
                                   n[9], float(v[10]))
            if activity.reviews or activity.answers or activity.reading_seconds > 0:
                result[day] = activity
        # reviews, recalls, recalls_passed, answers, correct: columns 0, 5, 6, 7, 8
        all_time = {name: int(sum(v[column] for v in totals.values())) for name, column in (
            ("reviews", 0), ("recalls", 5), ("recalls_passed", 6), ("answers", 7),
            ("correct", 8))}
        return dict(sorted(result.items())), all_time

    def _before_cuts(self, cuts: set[int], splits: dict[str, tuple[int, int]],
                     totals: dict[str, list[Any]]) -> dict[str, list[Any]]:
        """Per UTC date, the sums of its hours before its cut (dates whose cut cuts). The
        smaller side of each cut is read: the hours before it, or those from it on taken
        from the date's total."""
        early: dict[str, list[Any]] = {}
        for cut in sorted(cuts):
            if not 0 < cut < 24:
                continue
            late = cut > 12
            for row in self.db.execute(
                f"SELECT day, {_DAY_SUMS} FROM activity_hours "
                f"WHERE hh {'>=' if late else '<'} ? GROUP BY day", [cut]
            ):
                if splits[row[0]][1] != cut:
                    continue
                values = list(row[1:])
                early[row[0]] = ([_less(a, b) for a, b in zip(totals[row[0]], values,
                                                               strict=True)]
                                 if late else values)
            if late:  # dates with no hour from the cut on: the whole date is before it
                for day_text, (_back, day_cut) in splits.items():
                    if day_cut == cut and day_text not in early:
                        early[day_text] = totals[day_text]
        return early

    def _mastery(self, report: Report) -> list[SectionMastery]:
        history = {row[0]: row[1:] for row in self.db.execute(
            "SELECT section_id, recalls, recalls_passed, answers, correct "
            "FROM activity_sections WHERE section_id <> ''")}
        cards = dict(self.db.execute(
            "SELECT section_id, count(*) FROM cards WHERE retired = 0 "
            "AND section_id IS NOT NULL GROUP BY section_id").fetchall())
        questions = dict(self.db.execute(
            "SELECT section_id, count(*) FROM questions WHERE retired = 0 "
            "AND section_id IS NOT NULL GROUP BY section_id").fetchall())
        read = {row[0] for row in self.db.execute(
            "SELECT section_id FROM section_progress WHERE read_at IS NOT NULL")}
        result = []
        for section in report.pages:  # the sections with text of their own
            recalls, passed, answers, correct = history.get(section.id, (0, 0, 0, 0))
            result.append(SectionMastery(
                section.id, section.label, section.id in read, cards.get(section.id, 0),
                int(recalls), int(passed), questions.get(section.id, 0), int(answers),
                int(correct)))
        return result

    def _recent_and_before(self, section_ids: list[str], today: date
                           ) -> dict[str, tuple[float | None, float | None, Trend]]:
        """Per section: the share right in the last TREND_DAYS days, in the TREND_DAYS
        before those, and the trend between them (one query for all the sections)."""
        start = self.start_of(today - timedelta(days=2 * TREND_DAYS - 1))
        middle = self.day_of(self.start_of(today - timedelta(days=TREND_DAYS - 1)))
        windows = {section_id: {"recent": [0, 0], "before": [0, 0]}
                   for section_id in section_ids}
        day_of_hour = self.days.hour_days()
        marks = ", ".join("?" * len(section_ids))
        for hour, section_id, right, total in self.db.execute(
            "SELECT hour, section_id, correct + recalls_passed, answers + recalls FROM activity "
            f"WHERE hour >= ? AND section_id IN ({marks})", [iso(start)[:13], *section_ids]
        ):
            key = "recent" if day_of_hour(hour) >= middle else "before"
            windows[section_id][key][0] += right
            windows[section_id][key][1] += total
        result = {}
        for section_id, window in windows.items():
            recent, before = window["recent"], window["before"]
            result[section_id] = (share(*recent), share(*before), trend(*recent, *before))
        return result

    def _forecast(self, today: date) -> list[int]:
        counts = [0] * FORECAST_DAYS
        # With the flashcards' schema (m004), suspended and retired cards are not coming due.
        # The states are listed (not "<> new") so that the index on (state, due) reads only
        # the cards due before the forecast's end.
        active = self._active_cards
        day_of_hour = self.days.hour_days()
        for hour, count in self.db.execute(
            "SELECT substr(due, 1, 13), count(*) FROM card_state WHERE state IN (?, ?, ?) "
            f"AND due < ?{active} GROUP BY 1",
            [*SCHEDULED_STATES, iso(self.start_of(today + timedelta(days=FORECAST_DAYS)))]
        ):
            index = max(0, (day_of_hour(hour) - today).days)
            if index < FORECAST_DAYS:
                counts[index] += count
        return counts


def _streak(days: dict[date, DayActivity], today: date) -> Streak:
    studied = {day for day, activity in days.items() if activity.studied}
    longest = run = 0
    previous: date | None = None
    for day in sorted(studied):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if today in studied else today - timedelta(days=1)
    while cursor in studied:
        current += 1
        cursor -= timedelta(days=1)
    return Streak(current, longest, today in studied)
