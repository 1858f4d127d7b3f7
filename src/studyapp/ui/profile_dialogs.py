"""Dialogs about the profile file itself: in use elsewhere, damaged, and its backups.

- :class:`InUseDialog`: the profile is open in another StudyApp; choose another (or a new
  one) or quit.
- :class:`RecoveryDialog`: the profile is damaged; restore the newest good backup, or start
  afresh with the damaged file kept aside, or quit. Nothing is overwritten.
- :class:`BackupsDialog`: File → Backups: the backups with their dates and sizes, Back up now
  (on the window's backup thread, ``ui/store_jobs.py``, with its progress and result shown
  here), and Restore (after a confirmation; the window then reopens the profile).
- :class:`ClosingBackupDialog`: "Making a backup…" while the backup on close takes time;
  the learner can close without it.

They call core services (``studyapp.core.store.backups``); none runs SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.store.backups import MANUAL, Backup, BackupsService
from studyapp.ui.formatting import QT_TRANSLATE_NOOP, date_time_text

if TYPE_CHECKING:
    from studyapp.ui.store_jobs import StoreJobs

MARGIN = 20
GAP = 12

__all__ = ["BackupsDialog", "ClosingBackupDialog", "InUseDialog", "RecoveryDialog", "backup_when",
           "size_text"]


def backup_when(backup: Backup) -> str:
    """The backup's time in the PC's local time, e.g. '14 Mar 2026 09:26'."""
    return date_time_text(backup.taken_at.astimezone())


def size_text(size: int) -> str:
    if size < 1 << 20:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1 << 20):.1f} MB"


def _message(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


def _settle(dialog: QDialog, layout: QVBoxLayout) -> None:
    """Sizes a dialog of wrapped text to its width before the native window exists (no
    gaps from heights measured for another width; no size changes after it is shown)."""
    layout.activate()
    width = max(dialog.minimumWidth(), layout.sizeHint().width())
    dialog.resize(width, layout.heightForWidth(width) if layout.hasHeightForWidth()
                  else layout.sizeHint().height())


class InUseDialog(QDialog):
    """"This profile is open in another StudyApp": open another profile, or quit.

    ``chosen`` is the profile to open when the dialog is accepted."""

    def __init__(self, profile: str, others: list[str], detail: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inUseDialog")
        self.setWindowTitle(self.tr("Profile in use"))
        self.setMinimumWidth(480)
        heading = _message(self.tr("The profile “%1” is open in another StudyApp.")
                           .replace("%1", profile), "heading")
        explanation = _message(self.tr(
            "Only one StudyApp at a time can use a profile, so that no progress is lost. "
            "Switch to the other StudyApp window, or open another profile here."))
        self.detail = detail  # core's message; the heading and explanation say it plainly
        self.heading = heading
        self.profiles = QComboBox()
        self.profiles.setEditable(True)
        self.profiles.setAccessibleName(self.tr("Profile to open"))
        self.profiles.addItems(others)
        self.profiles.setCurrentText(others[0] if others else "")
        line = self.profiles.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Name of a new profile"))
        choose = QLabel(self.tr("Open another &profile:"))
        choose.setBuddy(self.profiles)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("&Open this profile"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("&Quit"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        self.profiles.currentTextChanged.connect(
            lambda text: self.open_button.setEnabled(bool(text.strip())))
        self.open_button.setEnabled(bool(self.profiles.currentText().strip()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(self.profiles, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        _settle(self, layout)
        self.profiles.setFocus()

    @property
    def chosen(self) -> str:
        return self.profiles.currentText().strip()

    def _accept_if_named(self) -> None:
        if self.chosen:
            self.accept()


class RecoveryDialog(QDialog):
    """The profile is damaged: restore the newest good backup, start afresh, or quit.

    After ``exec()``, ``choice`` is ``"restore"``, ``"afresh"`` or ``""`` (quit)."""

    def __init__(self, profile: str, detail: str, backup: Backup | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Profile damaged"))
        self.setMinimumWidth(520)
        self.choice = ""
        self.backup = backup
        heading = _message(self.tr("The profile “%1” is damaged and cannot be opened.")
                           .replace("%1", profile), "heading")
        if backup is not None:
            advice = self.tr(
                "StudyApp has not changed the file. You can go back to the newest backup "
                "that is sound, from %1: what you did after it is lost. Or start afresh "
                "with an empty profile. Either way the damaged file is kept beside the "
                "profiles, so IT can still look at it.").replace("%1", backup_when(backup))
        else:
            advice = self.tr(
                "StudyApp has not changed the file, and there is no sound backup of this "
                "profile. You can start afresh with an empty profile; the damaged file is "
                "kept beside the profiles, so IT can still look at it.")
        self.detail = _message(self.tr("Details: %1").replace("%1", detail), "muted")
        buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                self.tr("&Restore the backup of %1").replace("%1", backup_when(backup)),
                QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.clicked.connect(lambda: self._choose("restore"))
            self.restore_button.setDefault(True)
        self.afresh_button = buttons.addButton(self.tr("Start &afresh"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.afresh_button.clicked.connect(lambda: self._choose("afresh"))
        self.quit_button = buttons.addButton(self.tr("&Quit"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addWidget(heading)
        layout.addWidget(_message(advice))
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        _settle(self, layout)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class BackupsDialog(QDialog):
    """File → Backups. ``restore_chosen`` carries the backup to put back (confirmed)."""

    restore_chosen = Signal(Path)

    # Shown through self.tr(); QT_TRANSLATE_NOOP marks them for pyside6-lupdate.
    KINDS = {"": QT_TRANSLATE_NOOP("BackupsDialog", "Automatic"),
             MANUAL: QT_TRANSLATE_NOOP("BackupsDialog", "Manual"),
             "before-upgrade": QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
             "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore")}

    def __init__(self, service: BackupsService, parent: QWidget | None = None,
                 jobs: StoreJobs | None = None) -> None:
        from studyapp.ui.store_jobs import StoreJobs

        super().__init__(parent)
        self.service = service
        # The window's backup thread (one backup at a time), or one of the dialog's own.
        self.jobs = jobs if jobs is not None else StoreJobs(self)
        self.jobs.progress.connect(self._backup_progress)
        self.jobs.finished.connect(self._job_finished)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(560, 420)
        intro = _message(self.tr(
            "StudyApp backs up this profile when you close it and every half hour while you "
            "study. It keeps the last three backups, one a day for a week, one a week for a "
            "month and one a month for half a year. Restoring replaces the profile with the "
            "backup; the profile as it is now is kept as a backup first."))
        self.folder = _message(self.tr("Folder: %1").replace("%1", str(service.folder)),
                               "muted")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty = _message(self.tr("No backups yet. The first is made when you close "
                                      "StudyApp, or now with Back up now."), "muted")
        self.status = _message("", "muted")
        self.status.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.running = False  # a backup is being made, and this dialog shows it

        buttons = QDialogButtonBox()
        self.backup_button = buttons.addButton(self.tr("&Back up now"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("&Restore…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setIcon(QIcon())  # no stock icon beside the app's line icons
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.folder)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()
        self.table.setFocus()
        if self.jobs.busy("backup"):  # the half-hourly one: shown as it goes on
            self._show_running()

    def refresh(self) -> None:
        from studyapp.core.store import StoreError

        try:
            self.backups = self.service.list()
        except StoreError as error:
            self.backups = []
            self._say(str(error))
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = [backup_when(backup), size_text(backup.size),
                     self.tr(self.KINDS.get(backup.label, backup.label))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        running = self.running
        self.backup_button.setEnabled(not running)
        # A restore closes the profile: not while a backup of it is being made.
        self.restore_button.setEnabled(self.selected() is not None and not running)

    def backup_now(self) -> None:
        """Starts a backup on the backup thread; its progress and result are shown here."""
        from studyapp.core.store import StoreError

        if not self.jobs.busy("backup"):
            try:
                started = self.jobs.backup(self.service.job(MANUAL))
            except StoreError as error:
                self._say(self.tr("Not backed up: %1").replace("%1", str(error)))
                return
            if not started:
                return
        self._show_running()

    def _show_running(self) -> None:
        self.running = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(self.tr("Making a backup…"))
        self._update_buttons()

    def _backup_progress(self, name: str, done: int, total: int) -> None:
        if name != "backup" or not self.running:
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self._say(self.tr("Making a backup… %1%").replace(
                "%1", str(done * 100 // total)))
        else:
            self.progress.setRange(0, 0)
            self._say(self.tr("Checking the backup…"))

    def _job_finished(self, name: str, problem: str) -> None:
        from studyapp.core.store.backups import Backup

        if name != "backup" or not self.running:
            return
        self.running = False
        self.progress.hide()
        if problem:
            self._update_buttons()
            self._say(self.tr("Not backed up: %1").replace("%1", problem))
            return
        self.refresh()
        backup = self.jobs.result("backup")
        if isinstance(backup, Backup):
            self._say(self.tr("Backed up: %1").replace("%1", str(backup.path)))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore a backup"),
                          self.tr("Restore the backup of %1?").replace("%1", backup_when(backup)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "The profile goes back to how it was then: what you did after it is replaced. "
            "The profile as it is now is kept as a backup first, so you can come back to it."))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_chosen.emit(backup.path)
            self.accept()


class ClosingBackupDialog(QDialog):
    """"Making a backup…" while the backup on close takes time. Closing it (or its button)
    closes StudyApp without that backup: the profile itself is saved, the older backups are
    kept and nothing half-written is left."""

    def __init__(self, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingBackupDialog")
        self.setWindowTitle("StudyApp")
        self.setMinimumWidth(420)
        self.heading = _message(self.tr("Making a backup of “%1”…").replace("%1", profile),
                                "heading")
        explanation = _message(self.tr(
            "The profile is closed once its backup is made. Your progress is already saved."))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)
        buttons = QDialogButtonBox()
        self.skip_button = buttons.addButton(self.tr("Close &without a backup"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setAutoDefault(False)  # Enter does not throw the backup away
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(GAP)
        layout.addWidget(self.heading)
        layout.addWidget(explanation)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        _settle(self, layout)

    def show_progress(self, name: str, done: int, total: int) -> None:
        if name == "backup":
            self.progress.setRange(0, total)  # 0 of 0: checking the copy, no measure
            self.progress.setValue(done)
