"""The trainer's workbench in the File menu: New exam…, Print exam…, Class report…, Results
folder…, Write results now; exams imported with File → Import or dropped on the window; the
results file written to the results folder when the window closes.

``WorkbenchMenus`` sits between ``WindowMenus`` (ui/window_menus.py) and ``MainWindow``; its
texts are translated under "MainWindow", as the menus' are (see window_menus.py for why).
The rules are in core: exams (core/exams.py), the results folder (core/results_folder.py),
the class report (core/class_report.py), the paper (core/paper.py, drawn by ui/printing.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studyapp.ui.window_menus import WindowMenus

if TYPE_CHECKING:  # the dialogs' classes load with the menu entries that use them
    from PySide6.QtCore import QUrl

translate = QCoreApplication.translate
RESULTS_FOLDER_KEY = "results/folder"
TOLD_KEY = "results/told_unreachable"  # the learner was told the folder was not there


class WorkbenchMenus(WindowMenus):
    def _fill_menus(self) -> None:
        super()._fill_menus()
        file_menu = self.file_menu
        self.new_exam_action = self._action(translate("MainWindow", "New e&xam…"), None,
                                            self.new_exam)
        self.print_exam_action = self._action(translate("MainWindow", "&Print exam…"),
                                              "Ctrl+P", self.print_exam)
        self.class_report_action = self._action(translate("MainWindow", "C&lass report…"),
                                                None, self.class_report)
        self.results_folder_action = self._action(translate("MainWindow", "Results &folder…"),
                                                  None, self.choose_results_folder)
        self.write_results_action = self._action(translate("MainWindow", "&Write results now"),
                                                 None, self.write_results_now)
        before = self.backups_action
        file_menu.insertSeparator(before)
        file_menu.insertActions(before, [self.new_exam_action, self.print_exam_action,
                                         self.class_report_action, self.results_folder_action,
                                         self.write_results_action])
        file_menu.insertSeparator(before)

    # -- exams -----------------------------------------------------------------------------
    def new_exam(self) -> None:
        from studyapp.ui.exam_dialog import ExamDialog

        if self.store is None:
            return
        dialog = ExamDialog(self.store, self.report, self)
        if dialog.exec() and dialog.saved_to is not None:
            if dialog.add_here.isChecked():
                self.sets_changed.emit()
            self.statusBar().showMessage(translate("MainWindow", "Exam saved to {path}.").format(
                path=dialog.saved_to), 6000)

    def import_files(self, paths: list[Path] | None = None) -> None:
        """File → Import and dropped files: exams (``.studyexam``) here, question sets in the
        import dialog."""
        from PySide6.QtWidgets import QFileDialog

        if self.store is None:
            return
        if not paths:
            names, _ = QFileDialog.getOpenFileNames(
                self, translate("MainWindow", "Import question sets or exams"), "",
                translate("MainWindow", "Question sets and exams ({patterns});;"
                                        "All files (*)").format(patterns=self._patterns()))
            paths = [Path(name) for name in names if name]
            if not paths:
                return
        from studyapp.core.exams import EXTENSION  # loads with the exams, not at start-up

        exams = [p for p in paths if p.suffix.lower() == EXTENSION]
        if exams:
            self.import_exams(exams)
        rest = [p for p in paths if p.suffix.lower() != EXTENSION]
        if rest:
            super().import_files(rest)

    def _patterns(self) -> str:
        from studyapp.core.exams import EXTENSION
        from studyapp.core.formats import EXTENSIONS

        return " ".join(f"*{ext}" for ext in [*EXTENSIONS, EXTENSION])

    def _dropped_files(self, urls: list[QUrl]) -> list[Path]:
        from studyapp.core.exams import EXTENSION

        exams = [Path(url.toLocalFile()) for url in urls
                 if url.isLocalFile() and url.toLocalFile().lower().endswith(EXTENSION)]
        return super()._dropped_files(urls) + (exams if self.store is not None else [])

    def import_exams(self, paths: list[Path]) -> None:
        from PySide6.QtWidgets import QMessageBox

        from studyapp.core.exams import import_exam
        from studyapp.core.questionsets.errors import ProblemsFound

        assert self.store is not None
        titles, problems = [], []
        for path in paths:
            try:
                exam, _new = import_exam(self.store, path)
                titles.append(exam.title)
            except ProblemsFound as found:
                problems += [str(problem) for problem in found.problems]
            except OSError as error:
                problems.append(f"{path}: {error.strerror or error}")
        if problems:
            QMessageBox.warning(self, translate("MainWindow", "Import exam"),
                                translate("MainWindow", "These exams could not be imported; "
                                                        "nothing was changed for them:")
                                + "\n\n" + "\n".join(problems))
        if titles:
            self.sets_changed.emit()  # the Quiz view lists the exam
            self.statusBar().showMessage(translate("MainWindow", "Exam imported: {titles}. "
                                                   "It is under Quiz.").format(
                titles=", ".join(titles)), 6000)

    def print_exam(self) -> None:
        """File → Print exam…: an imported exam, or a scope, as a paper exam (A4 PDF)."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from studyapp.core.exams import ExamDefinition, assigned_exams
        from studyapp.core.paper import paper_exam
        from studyapp.ui.printing import save_paper_exam

        if self.store is None:
            return
        choices: list[tuple[str, ExamDefinition]] = [
            (translate("MainWindow", "Exam: {title}").format(title=a.exam.title), a.exam)
            for a in assigned_exams(self.store, self.store.clock())]
        choices += [
            (translate("MainWindow", "20 questions on the four relationships"),
             ExamDefinition("relationships", translate("MainWindow", "The four relationships"),
                            "relationships", time_limit_minutes=None)),
            (translate("MainWindow", "20 questions on the whole report"),
             ExamDefinition("report", translate("MainWindow", "The report"), "report",
                            time_limit_minutes=None)),
        ]
        label, accepted = QInputDialog.getItem(
            self, translate("MainWindow", "Print exam"),
            translate("MainWindow", "Print which exam? (variants A and B, answer sheets, "
                                    "answer key)"), [text for text, _ in choices], 0, False)
        if not accepted:
            return
        exam = dict(choices)[label]
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Print exam"), str(Path.home() / f"{exam.id}.pdf"),
            translate("MainWindow", "PDF (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        paper = paper_exam(exam, self.store.quizzes.questions())
        try:
            save_paper_exam(paper, target)
        except OSError as error:
            self._cannot_write(translate("MainWindow", "Print exam"), target, error)
            return
        self.statusBar().showMessage(translate("MainWindow", "Paper exam saved to {path}.")
                                     .format(path=target), 6000)

    # -- the class report --------------------------------------------------------------------
    def class_report(self) -> None:
        """File → Class report…: a folder of results files to a class report."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from studyapp.core.class_report import build_class_report, write_class_report
        from studyapp.ui.printing import save_class_report_pdf

        start = self.results_folder() or Path.home()
        folder = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Class report: the folder of results files"),
            str(start))
        if not folder:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save the class report"),
            str(Path.home() / "class-report.xlsx"),
            translate("MainWindow", "Excel workbook (*.xlsx);;PDF (*.pdf);;CSV (*.csv)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() not in (".xlsx", ".pdf", ".csv"):
            target = target.with_name(target.name + ".xlsx")
        report = build_class_report(
            [Path(folder)], {s.id: s.label for s in self.report.sections})
        try:
            if target.suffix.lower() == ".pdf":
                save_class_report_pdf(report, target)
            else:
                write_class_report(report, target)
        except OSError as error:
            self._cannot_write(translate("MainWindow", "Class report"), target, error)
            return
        box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "Class report"),
                          translate("MainWindow", "{learners} learners counted from {files} "
                                                  "files; {skipped} files skipped. Saved to "
                                                  "{path}.").format(
                              learners=len(report.learners), files=report.files_read,
                              skipped=len(report.skipped), path=target), parent=self)
        if report.skipped:
            box.setDetailedText("\n".join(str(s) for s in report.skipped))
        box.exec()

    # -- the results folder ------------------------------------------------------------------
    def results_folder(self) -> Path | None:
        """The learner's choice, else IT's default; IT's locked folder wins over both."""
        from studyapp.core import site_settings

        site = site_settings.load().results_folder
        if site.locked and site.value is not None:
            return Path(site.value)
        chosen = str(self.settings.value(RESULTS_FOLDER_KEY, "") or "")
        if chosen:
            return Path(chosen)
        return Path(site.value) if site.value is not None else None

    def choose_results_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from studyapp.core import site_settings

        if site_settings.load().results_folder.locked:
            QMessageBox.information(
                self, translate("MainWindow", "Results folder"),
                translate("MainWindow", "The results folder is set for this PC: {path}.")
                .format(path=self.results_folder()))
            return
        folder = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Results folder (a USB stick or an office share)"),
            str(self.results_folder() or Path.home()))
        if folder:
            self.settings.setValue(RESULTS_FOLDER_KEY, folder)
            self.settings.remove(TOLD_KEY)
            self.write_results_now()

    def write_results_now(self) -> None:
        """File → Write results now: says what happened, whatever it was."""
        from PySide6.QtWidgets import QMessageBox

        if self.store is None:
            return
        if self.results_folder() is None:
            self.choose_results_folder()
            return
        written = self._write_results()
        if isinstance(written, Path):
            self.statusBar().showMessage(translate("MainWindow", "Results written to {path}.")
                                         .format(path=written), 6000)
        else:
            QMessageBox.warning(self, translate("MainWindow", "Write results"),
                                translate("MainWindow", "The results could not be written: "
                                                        "{why}. They will be written when "
                                                        "StudyApp closes.").format(why=written))

    def write_results_on_close(self) -> None:
        """On close: write; if the folder is not there, tell the learner once (not at every
        close while it stays away); the next close tries again."""
        from PySide6.QtWidgets import QMessageBox

        if self.store is None or self.results_folder() is None:
            return
        written = self._write_results()
        if isinstance(written, Path):
            self.settings.remove(TOLD_KEY)
        elif not self.settings.value(TOLD_KEY, False, type=bool):
            self.settings.setValue(TOLD_KEY, True)
            QMessageBox.information(
                self, translate("MainWindow", "Results folder"),
                translate("MainWindow", "Your results could not be written to the results "
                                        "folder ({why}). Nothing is lost: StudyApp writes them "
                                        "the next time it closes with the folder there.")
                .format(why=written))

    def _write_results(self) -> Path | str:
        """The file written, or why not (in words)."""
        from studyapp.core.results_folder import write_results_file

        folder = self.results_folder()
        assert self.store is not None and folder is not None
        try:
            return write_results_file(self.store, self.report, folder)
        except OSError as error:
            return str(error) if error.strerror is None else f"{folder}: {error.strerror}"

    def _cannot_write(self, title: str, target: Path, error: OSError) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, translate(
            "MainWindow", "{path} could not be written ({why}). Choose another folder and try "
                          "again.").format(path=target, why=error.strerror or error))
