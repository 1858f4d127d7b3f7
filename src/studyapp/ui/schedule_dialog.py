"""Schedule settings: daily limits, desired retention, the day's start, leeches, and
"Optimise my schedule" (FSRS fitted to the learner's own history, with fsrs-rs-python)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
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


def tr(text: str) -> str:
    return QCoreApplication.translate("ScheduleDialog", text)


class ScheduleDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._result: OptimiseResult | None = None
        self.setWindowTitle(tr("Schedule"))
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
        self.suspend_leeches = QCheckBox(tr("Suspend a card once it has been forgotten {n} "
                                            "times").format(n=settings.leech_threshold))
        self.suspend_leeches.setChecked(settings.suspend_leeches)
        form = QFormLayout()
        form.addRow(tr("Desired retention"), self.retention)
        form.addRow(tr("New cards a day"), self.new_per_day)
        form.addRow(tr("Reviews a day"), self.reviews_per_day)
        form.addRow(tr("The day starts at"), self.day_start)
        form.addRow("", self.suspend_leeches)

        optimiser = QGroupBox(tr("Optimise my schedule"))
        self.optimise_text = QLabel()
        self.optimise_text.setObjectName("OptimiseText")
        self.optimise_text.setWordWrap(True)
        self.optimise_button = QPushButton(tr("Fit to my history"))
        self.optimise_button.setObjectName("OptimiseButton")
        self.optimise_button.clicked.connect(self.optimise)
        self.use_button = QPushButton(tr("Use the fitted schedule"))
        self.use_button.setObjectName("UseFitted")
        self.use_button.clicked.connect(self._use_fitted)
        self.use_button.hide()
        self.previous_button = QPushButton(tr("Go back to the previous schedule"))
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
            self.optimise_text.setText(tr(
                "Fits the memory model to your own reviews, here on this computer. You "
                "can go back to the previous schedule at any time."))
        else:
            self.optimise_text.setText(tr(
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
        chosen = replace(
            current, desired_retention=self.retention.value() / 100,
            new_per_day=self.new_per_day.value(), reviews_per_day=self.reviews_per_day.value(),
            day_starts_at=self.day_start.value(),
            suspend_leeches=self.suspend_leeches.isChecked())
        try:
            self._store.reviews.save_settings(chosen)
        except StoreError as error:
            QMessageBox.warning(self, tr("Schedule"), str(error))
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
        self.optimise_text.setText(tr(
            "Fitted to {n} reviews. Prediction error (lower is better): now {old:.1%}, "
            "fitted {new:.1%} (log loss {old_ll:.3f} → {new_ll:.3f}).").format(
            n=result.items, old=result.old_fit.rmse, new=result.new_fit.rmse,
            old_ll=result.old_fit.log_loss, new_ll=result.new_fit.log_loss))
        self.use_button.show()

    def _use_fitted(self) -> None:
        if self._result is not None:
            self._store.reviews.apply_parameters(self._result.parameters)
            self.optimise_text.setText(tr("Your schedule now uses the fitted parameters; the "
                                          "previous ones are kept to go back to."))
            self.use_button.hide()
            self.previous_button.show()

    def _go_back(self) -> None:
        self._store.reviews.restore_previous_parameters()
        self.optimise_text.setText(tr("The previous schedule is back."))
