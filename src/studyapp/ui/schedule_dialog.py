"""Schedule settings: daily limits, desired retention, the day's start, leeches, and
"Optimise my schedule" (FSRS fitted to the learner's own history, with fsrs-rs-python)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.scheduling import (
    OptimiseResult,
    OptimiserUnavailable,
    optimiser_available,
)
from studyapp.core.store import Store, StoreError


class ScheduleDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._result: OptimiseResult | None = None
        self.setWindowTitle(self.tr("Schedule"))
        self.setMinimumWidth(520)
        settings = store.reviews.settings()
        self.retention = QDoubleSpinBox()
        self.retention.setObjectName("DesiredRetention")
        self.retention.setRange(70, 99)
        self.retention.setDecimals(0)
        self.retention.setSuffix(" %")
        self.retention.setValue(round(settings.desired_retention * 100))
        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 9999)
        self.new_per_day.setValue(settings.new_per_day)
        self.reviews_per_day = QSpinBox()
        self.reviews_per_day.setRange(0, 99999)
        self.reviews_per_day.setValue(settings.reviews_per_day)
        self.day_start = QSpinBox()
        self.day_start.setRange(0, 23)
        self.day_start.setSuffix(":00")
        self.day_start.setValue(settings.day_starts_at)
        self.learning_steps = QLineEdit(" ".join(str(m) for m in settings.learning_steps))
        self.learning_steps.setObjectName("LearningSteps")
        self.learning_steps.setToolTip(self.tr("Minutes between the first showings of a new card, "
                                               "e.g. 1 10"))
        self.relearning_steps = QLineEdit(" ".join(str(m) for m in settings.relearning_steps))
        self.relearning_steps.setToolTip(self.tr("Minutes before a forgotten card comes back, "
                                                 "e.g. 10"))
        self.suspend_leeches = QCheckBox(self.tr("Suspend a card once it has been forgotten {n} "
                                                 "times").format(n=settings.leech_threshold))
        self.suspend_leeches.setChecked(settings.suspend_leeches)
        form = QFormLayout()
        form.addRow(self.tr("Desired retention"), self.retention)
        form.addRow(self.tr("New cards a day"), self.new_per_day)
        form.addRow(self.tr("Reviews a day"), self.reviews_per_day)
        form.addRow(self.tr("The day starts at"), self.day_start)
        form.addRow(self.tr("Learning steps (minutes)"), self.learning_steps)
        form.addRow(self.tr("Relearning steps (minutes)"), self.relearning_steps)
        form.addRow("", self.suspend_leeches)

        optimiser = QGroupBox(self.tr("Optimise my schedule"))
        self.optimise_text = QLabel()
        self.optimise_text.setObjectName("OptimiseText")
        self.optimise_text.setWordWrap(True)
        self.optimise_button = QPushButton(self.tr("Fit to my history"))
        self.optimise_button.setObjectName("OptimiseButton")
        self.optimise_button.clicked.connect(self.optimise)
        self.use_button = QPushButton(self.tr("Use the fitted schedule"))
        self.use_button.setObjectName("UseFitted")
        self.use_button.clicked.connect(self._use_fitted)
        self.use_button.hide()
        self.previous_button = QPushButton(self.tr("Go back to the previous schedule"))
        self.previous_button.clicked.connect(self._go_back)
        self.previous_button.setVisible(settings.previous_parameters is not None
                                        or settings.parameters is not None)
        row = QHBoxLayout()
        row.addWidget(self.optimise_button)
        row.addWidget(self.use_button)
        row.addWidget(self.previous_button)
        row.addStretch(1)
        box = QVBoxLayout(optimiser)
        box.addWidget(self.optimise_text)
        box.addLayout(row)
        if optimiser_available():
            self.optimise_text.setText(self.tr(
                "Fits the memory model to your own reviews, here on this computer. You "
                "can go back to the previous schedule at any time."))
        else:
            self.optimise_text.setText(self.tr(
                "Not available on this computer: the optimiser (fsrs-rs-python) has no "
                "build for it. Everything else works as usual."))
            self.optimise_button.setEnabled(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addLayout(form)
        layout.addWidget(optimiser)
        layout.addWidget(buttons)

    def _save(self) -> None:
        current = self._store.reviews.settings()
        try:
            learning = tuple(int(m) for m in self.learning_steps.text().replace(",", " ").split())
            relearning = tuple(int(m) for m in
                               self.relearning_steps.text().replace(",", " ").split())
        except ValueError:
            QMessageBox.warning(self, self.tr("Schedule"), self.tr(
                "Steps are whole minutes separated by spaces, for example: 1 10"))
            return
        chosen = replace(
            current, learning_steps=learning, relearning_steps=relearning)
        chosen = replace(
            chosen, desired_retention=self.retention.value() / 100,
            new_per_day=self.new_per_day.value(), reviews_per_day=self.reviews_per_day.value(),
            day_starts_at=self.day_start.value(),
            suspend_leeches=self.suspend_leeches.isChecked())
        try:
            self._store.reviews.save_settings(chosen)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Schedule"), str(error))
            return
        self.accept()

    def optimise(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._store.reviews.optimise()
        except (ValueError, OptimiserUnavailable) as error:
            self.optimise_text.setText(str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._result = result
        self.optimise_text.setText(self.tr(
            "Fitted to {n} reviews. You recalled {actual:.0%} of the cards you reviewed; "
            "the current schedule expected {old_r:.0%}, the fitted one expects {new_r:.0%}. "
            "Prediction error (lower is better): {old:.1%} now, {new:.1%} fitted.").format(
            n=result.items, actual=result.new_fit.actual_retention,
            old_r=result.old_fit.expected_retention, new_r=result.new_fit.expected_retention,
            old=result.old_fit.rmse, new=result.new_fit.rmse))
        self.use_button.show()

    def _use_fitted(self) -> None:
        if self._result is not None:
            try:
                self._store.reviews.apply_parameters(self._result.parameters)
            except StoreError as error:
                self.optimise_text.setText(self.tr("Not saved: %1").replace("%1", str(error)))
                return
            self.optimise_text.setText(self.tr("Your schedule now uses the fitted parameters; the "
                                               "previous ones are kept to go back to."))
            self.use_button.hide()
            self.previous_button.show()

    def _go_back(self) -> None:
        try:
            self._store.reviews.restore_previous_parameters()
        except StoreError as error:
            self.optimise_text.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            return
        self.optimise_text.setText(self.tr("The previous schedule is back."))
