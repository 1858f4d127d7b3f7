# Names vulture (the dead-code check in .ci/run) may not report, each for a reason.
# vulture only reads this file. Keep it short: remove dead code rather than list it.
from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Used where vulture cannot see: Qt's virtual methods, properties set on Qt and openpyxl
# objects, the gui-script entry point (pyproject.toml), a stored record's field.
# (The migration functions are registered by decorator: --ignore-decorators "@migrations".)
_.paintEvent, _.minimumSizeHint, _.mergeWith, _.scaledPixmap, _.clone, _.keyboardSearch
_.freeze_panes, _.alignment, _.creator, _.clip, _._
main_gui
saved_at

# pytest fixtures and markers, used by name.
english_afterwards, no_sqlite_connection_left_open, _collector_on, log_closed, report_missing
modal_in_python, pytestmark, caption, disambiguation, EN_HEADER

# Dead as far as vulture sees, in other areas: left to their owners (listed in
# /work/issues/notes/sessions2.md). Delete a line here when its code goes.
EXIT_IN_USE, ARGPARSE_WORDS  # cli.py
_.value_map  # core/messages.py
RATING_NAMES, default_parameters  # core/scheduling.py
_.released  # core/store/locking.py
HEAT_MAP_DAYS  # core/store/progress.py
_.reviews_since  # core/store/reviews.py
goal_requested  # ui/dashboard.py
_.redo_action, _.undo_action  # ui/editor_window.py
number_text, percent_text  # ui/formatting.py
ENV  # ui/self_test.py
QT_GAPS  # ui/translations.py
_.last_class_report  # ui/workbench.py
