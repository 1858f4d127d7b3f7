"""Names vulture (`.ci/run`, settings in pyproject's [tool.vulture]) cannot see being used.

vulture reads this file as code and never runs it: each line is a use of a name that is
called from outside our code. Add a name only when it is one of these kinds; code that is
really unused is deleted instead.
"""
# ruff: noqa
# mypy: ignore-errors

# -- called by Qt: overrides of Qt's virtual methods, fields of Qt structs -----------------
_.paintEvent  # ui/charts.py, ui/heatmap.py
_.minimumSizeHint  # ui/heatmap.py
_.mergeWith  # ui/editor_commands.py (QUndoCommand)
_.scaledPixmap  # ui/icons.py (QIconEngine)
_.clone  # ui/icons.py (QIconEngine)
_.keyboardSearch  # ui/quiz_answers.py (QAbstractItemView)
_.dragEnterEvent  # ui/import_dialog.py, ui/window_menus.py
_.dropEvent  # ui/import_dialog.py, ui/window_menus.py
_.clip  # ui/contents.py (QAbstractTextDocumentLayout.PaintContext)
QT_GAPS  # ui/translations.py: marks Qt's own words for lupdate

# -- called by other programs and libraries -----------------------------------------------
main_gui  # app.py: the studyapp-gui entry point (pyproject [project.gui-scripts])
m001_initial  # core/migrations.py: sqlite-utils runs every registered migration
m002_history_indexes
m004_flashcards
m005_quizzes
m007_progress_indexes
m008_progress_summaries
m009_exams
m015_card_groups_in_use
m016_grade_indexes
m017_lighter_activity_triggers
_.freeze_panes  # core/class_report.py, core/editing_xlsx.py: openpyxl reads them on save
_.alignment  # core/editing_xlsx.py (openpyxl)
_.creator  # core/editing_xlsx.py (openpyxl)
ARGPARSE_WORDS  # cli.py: marks argparse's words for Babel
__getattr__  # core/store/__init__.py: Python asks it for the names loaded with a service
_._  # cli.py: argparse._, argparse's own gettext lookup

# -- records: fields filled from a stored row and kept whole --------------------------------
_.saved_at  # core/store/annotations.py (a note draft as stored)
_.details  # core/scoring.py (read by the tests)

# -- used by the tests on purpose: test doubles and probes of a widget's state --------------
FakeClock  # core/clock.py: the injected clock of tests and benchmarks
_.advance
groups_of  # core/decks.py: the plain rule deck_members is checked against
surface_score  # core/questionsets/surface.py: scripts/surface_cue_score.py and the tests
_.leaves  # core/report.py
HistoryReview  # core/scheduling.py: the optimiser's input as tests write it
_.is_set  # core/site_settings.py
_.as_dict
_.drafts  # core/store/annotations.py
held_locks  # core/store/locking.py
_.item_for  # ui/contents.py
_.select_passage  # ui/editor_panes.py
_.set_count  # ui/exam_dialog.py
_.is_loading  # ui/import_dialog.py
cjk_family  # ui/progress_report.py
_.hit_count  # ui/section_text.py
_.details_text  # ui/sets_dialog.py
contrast_ratio  # ui/theme.py
