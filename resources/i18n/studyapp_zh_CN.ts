<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Reader: the report section by section, with contents, search, notes and bookmarks.</source>
        <translation>阅读：逐节阅读报告，带目录、搜索、笔记和书签。</translation>
    </message>
    <message>
        <source>Question sets: trainers import, check and export their own questions.</source>
        <translation>题库：培训教师可导入、检查和导出自己的题目。</translation>
    </message>
    <message>
        <source>Flashcards: spaced repetition (FSRS) on decks that follow the report.</source>
        <translation>闪卡：按报告章节组织的卡组，采用间隔重复（FSRS）复习。</translation>
    </message>
    <message>
        <source>Quizzes: practice, timed exams, a mistake notebook, the four-relationships challenge and a daily quiz.</source>
        <translation>测验：练习、限时模拟考试、错题本、四个关系挑战和每日一练。</translation>
    </message>
    <message>
        <source>Progress: a dashboard of where you stand and a progress report to print.</source>
        <translation>进度：学习概况一览，并可打印学习进度报告。</translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <source>Filled: answered · Empty: not answered · ⚑: flagged · Ringed: current. Click a number, or move with the arrow keys and press Enter.</source>
        <translation>实心：已答 · 空心：未答 · ⚑：已标记 · 圆圈：当前题。点击题号，或用方向键移动后按 Enter。</translation>
    </message>
    <message>
        <source>Submit the exam…</source>
        <translation>交卷…</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未答</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Question {0}: {1}</source>
        <translation>第 {0} 题：{1}</translation>
    </message>
    <message>
        <source>{0} answered, {1} not answered, {2} flagged</source>
        <translation>已答 {0} 题，未答 {1} 题，标记 {2} 题</translation>
    </message>
</context>
<context>
    <name>AssignedExamsPanel</name>
    <message>
        <source>Assigned exams</source>
        <translation>布置的考试</translation>
    </message>
    <message>
        <source>Start the exam</source>
        <translation>开始考试</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>截止 {when}</translation>
    </message>
    <message>
        <source>{left} of {total} attempts left</source>
        <translation>还可作答 {left} 次（共 {total} 次）</translation>
    </message>
    <message>
        <source>best {percent}% (passed)</source>
        <translation>最好成绩 {percent}%（通过）</translation>
    </message>
    <message>
        <source>best {percent}% (not passed)</source>
        <translation>最好成绩 {percent}%（未通过）</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>StudyApp backs up this profile when you close it and every half hour while you study. It keeps the last three backups, one a day for a week, one a week for a month and one a month for half a year. Restoring replaces the profile with the backup; the profile as it is now is kept as a backup first.</source>
        <translation>关闭档案时以及学习期间每半小时，StudyApp 都会自动备份此档案。保留最近三份备份、一周内每天一份、一个月内每周一份、半年内每月一份。恢复时用备份替换当前档案；替换前会先把当前档案另存为一份备份。</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>No backups yet. The first is made when you close StudyApp, or now with Back up now.</source>
        <translation>还没有备份。关闭 StudyApp 时会自动备份第一份，也可以点“立即备份”。</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>备份进度</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not backed up: %1</source>
        <translation>未备份：%1</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Making a backup… %1%</source>
        <translation>正在备份… %1%</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore the backup of %1?</source>
        <translation>恢复 %1 的备份吗？</translation>
    </message>
    <message>
        <source>The profile goes back to how it was then: what you did after it is replaced. The profile as it is now is kept as a backup first, so you can come back to it.</source>
        <translation>档案将回到当时的状态：此后的学习记录会被替换。当前档案会先另存为一份备份，需要时可以再恢复回来。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BookmarksTab</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D while reading to bookmark the place you are at.</source>
        <translation>还没有书签。阅读时按 Ctrl+D 可为当前位置添加书签。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Added {time}. F2 renames.</source>
        <translation>添加于 {time}。按 F2 重命名。</translation>
    </message>
</context>
<context>
    <name>BrowseDialog</name>
    <message>
        <source>Browse: {deck}</source>
        <translation>浏览：{deck}</translation>
    </message>
    <message>
        <source>Search the fronts and backs</source>
        <translation>搜索卡片正面和背面</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Suspend / unsuspend</source>
        <translation>暂停 / 恢复</translation>
    </message>
    <message>
        <source>Card info…</source>
        <translation>卡片信息…</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>buried</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>leech</source>
        <translation>顽固卡</translation>
    </message>
    <message>
        <source>{n} cards</source>
        <translation>{n} 张卡片</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>CardFace</name>
    <message>
        <source>Flashcard</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <source>Read in context</source>
        <translation>查看原文</translation>
    </message>
    <message>
        <source>Open the report at this passage (R)</source>
        <translation>在报告中打开这段原文（R）</translation>
    </message>
    <message>
        <source>⚑ Flagged</source>
        <translation>⚑ 已标记</translation>
    </message>
    <message>
        <source>Leech</source>
        <translation>顽固卡</translation>
    </message>
</context>
<context>
    <name>CardInfoDialog</name>
    <message>
        <source>Card info</source>
        <translation>卡片信息</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>复习次数</translation>
    </message>
    <message>
        <source>Lapses</source>
        <translation>遗忘次数</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>稳定性</translation>
    </message>
    <message>
        <source>{d:.1f} days</source>
        <translation>{d:.1f} 天</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Recall chance now</source>
        <translation>当前记住的概率</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>new: not scheduled yet</source>
        <translation>新卡片：尚未安排</translation>
    </message>
    <message>
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Reviews, newest first</source>
        <translation>复习记录（最新的在前）</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswer</name>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Select all that apply: press 1–{0} to tick or untick, Enter to answer.</source>
        <translation>多选题：按 1–{0} 勾选或取消，按 Enter 作答。</translation>
    </message>
    <message>
        <source>Press 1–{0} to choose, Enter to answer.</source>
        <translation>按 1–{0} 选择，按 Enter 作答。</translation>
    </message>
</context>
<context>
    <name>ChooseSetDialog</name>
    <message>
        <source>Edit question set</source>
        <translation>编辑题库</translation>
    </message>
    <message>
        <source>Question sets</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>{title} — {id}</source>
        <translation>{title} — {id}</translation>
    </message>
    <message>
        <source>{set} (built in: read-only, duplicate to edit)</source>
        <translation>{set}（内置：只读，复制后可编辑）</translation>
    </message>
    <message>
        <source>&amp;Sets in this profile:</source>
        <translation>本档案中的题库(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Open a &amp;file…</source>
        <translation>打开文件(&amp;F)…</translation>
    </message>
    <message>
        <source>A question-set file of any kind StudyApp imports (Ctrl+O)</source>
        <translation>StudyApp 能导入的任何题库文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open a question-set file</source>
        <translation>打开题库文件</translation>
    </message>
    <message>
        <source>Question sets ({patterns})</source>
        <translation>题库 ({patterns})</translation>
    </message>
</context>
<context>
    <name>ClassReport</name>
    <message>
        <source>{files} files read, {learners} learners counted, {skipped} files skipped.</source>
        <translation>已读取 {files} 个文件，统计 {learners} 名学员，跳过 {skipped} 个文件。</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Class report</source>
        <translation>班级报告</translation>
    </message>
</context>
<context>
    <name>ClosingBackupDialog</name>
    <message>
        <source>Making a backup of “%1”…</source>
        <translation>正在备份“%1”…</translation>
    </message>
    <message>
        <source>The profile is closed once its backup is made. Your progress is already saved.</source>
        <translation>备份完成后即关闭档案。你的学习进度已经保存。</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>备份进度</translation>
    </message>
    <message>
        <source>Close &amp;without a backup</source>
        <translation>不备份直接关闭(&amp;W)</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Reading progress</source>
        <translation>阅读进度</translation>
    </message>
    <message>
        <source>Search the report (Ctrl+F)</source>
        <translation>搜索报告（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search the report</source>
        <translation>搜索报告</translation>
    </message>
    <message>
        <source>{done} of {total} sections read</source>
        <translation>已读 {done} / {total} 节</translation>
    </message>
    <message>
        <source>Keep typing: at least two letters.</source>
        <translation>请继续输入：至少两个字。</translation>
    </message>
    <message>
        <source>place</source>
        <translation>处</translation>
    </message>
    <message>
        <source>places</source>
        <translation>处</translation>
    </message>
    <message>
        <source>Found in {places}. Enter opens the highlighted one; Esc goes back to the contents.</source>
        <translation>找到 {places}。按 Enter 打开高亮的一处；按 Esc 返回目录。</translation>
    </message>
    <message>
        <source>No paragraph holds “{query}”. Check the spelling or try fewer words.</source>
        <translation>没有段落包含“{query}”。请检查用字，或减少关键词。</translation>
    </message>
</context>
<context>
    <name>ContentsTree</name>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>{done} of the {total} sections below read</source>
        <translation>以下 {total} 节中已读 {done} 节</translation>
    </message>
    <message>
        <source>This part&apos;s introduction: {state}</source>
        <translation>本部分引言：{state}</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未阅读</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Your progress</source>
        <translation>我的进度</translation>
    </message>
    <message>
        <source>Daily goal…</source>
        <translation>每日目标…</translation>
    </message>
    <message>
        <source>Report read</source>
        <translation>报告阅读</translation>
    </message>
    <message>
        <source>Cards due today</source>
        <translation>今日到期卡片</translation>
    </message>
    <message>
        <source>Quiz accuracy</source>
        <translation>测验正确率</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>连续学习</translation>
    </message>
    <message>
        <source>Today&apos;s goal</source>
        <translation>今日目标</translation>
    </message>
    <message>
        <source>Study per day, the last 12 months</source>
        <translation>近 12 个月每日学习情况</translation>
    </message>
    <message>
        <source>Each square is a day; the deeper its colour, the longer you studied. Hover over a day, or focus the map and move with the arrow keys, to see its minutes, reviews and answers.</source>
        <translation>每个方格代表一天，颜色越深，学习时间越长。将鼠标悬停在某一天上，或选中热力图后用方向键移动，可查看当天的学习分钟数、复习次数和答题数。</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>学习趋势</translation>
    </message>
    <message>
        <source>Show the last</source>
        <translation>显示最近</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>The four relationships</source>
        <translation>四个关系</translation>
    </message>
    <message>
        <source>Part III (5) of the report names four relationships to handle well. Review their cards or take the four-relationships quiz, and each gets its mastery and its trend over the last two weeks here.</source>
        <translation>报告第三部分第（五）条提出要正确处理好四个关系。复习相关闪卡或参加四个关系测验后，这里会显示每个关系的掌握度及近两周的变化趋势。</translation>
    </message>
    <message>
        <source>Mastery by section, weakest first</source>
        <translation>各节掌握度（由弱到强）</translation>
    </message>
    <message>
        <source>Each section combines reading (read or not), card retention (reviews of cards you had seen before, not graded Again) and quiz accuracy.</source>
        <translation>每节的掌握度综合了阅读（是否已读）、卡片记忆（对已学过卡片的复习中未评“重来”的比例）和测验正确率。</translation>
    </message>
    <message>
        <source>Profile: {name}</source>
        <translation>档案：{name}</translation>
    </message>
    <message>
        <source>Nothing studied yet. Read a section (Ctrl+1), review flashcards (Ctrl+2) or take a quiz (Ctrl+3): each panel below fills in as you go, and the weakest sections rise to the top of the mastery table.</source>
        <translation>还没有学习记录。阅读一节报告（Ctrl+1）、复习闪卡（Ctrl+2）或做一次测验（Ctrl+3）后，下面各栏会逐步显示数据，最薄弱的章节会排在掌握度表的最前面。</translation>
    </message>
    <message>
        <source>{read} of {total} sections</source>
        <translation>{read} / {total} 节</translation>
    </message>
    <message>
        <source>{learned} of {total} cards learned</source>
        <translation>已学会 {learned} / {total} 张卡片</translation>
    </message>
    <message>
        <source>Import a question set with cards to start (Ctrl+O)</source>
        <translation>先导入含闪卡的题库（Ctrl+O）</translation>
    </message>
    <message>
        <source>{correct} of {answers} right</source>
        <translation>{answers}中答对 {correct} 题</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>题</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>题</translation>
    </message>
    <message>
        <source>No answers yet: take a quiz to see it</source>
        <translation>还没有答题：做一次测验后显示</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Longest: {days}</source>
        <translation>最长：{days}</translation>
    </message>
    <message>
        <source>Study today to keep it going</source>
        <translation>今天学习一下，保持连续</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>次复习</translation>
    </message>
    <message>
        <source>Done for today — well done</source>
        <translation>今日目标已完成，真棒！</translation>
    </message>
    <message>
        <source>{left} {unit} to go</source>
        <translation>还差 {left} {unit}</translation>
    </message>
    <message>
        <source> (set for this PC by your organisation)</source>
        <translation>（由单位为本机统一设置）</translation>
    </message>
    <message>
        <source> (set your own goal with Daily goal…)</source>
        <translation>（可通过“每日目标…”自行设置）</translation>
    </message>
    <message>
        <source>Your organisation sets the daily goal on this PC.</source>
        <translation>本机的每日目标由单位统一设置。</translation>
    </message>
    <message>
        <source>Here four charts will show your card reviews and quiz answers per day, your quiz accuracy and true retention week by week, the cards coming due in the next 30 days and how you grade your cards. They start with your first review or quiz: press Ctrl+2 for flashcards or Ctrl+3 for a quiz.</source>
        <translation>这里将显示四张图表：每天的闪卡复习和答题数量、每周的测验正确率和实际记忆保持率、未来 30 天到期的卡片，以及你的卡片评分分布。完成第一次复习或测验后开始显示：按 Ctrl+2 复习闪卡，按 Ctrl+3 做测验。</translation>
    </message>
    <message>
        <source>Reviews and answers per day</source>
        <translation>每天复习和答题数量</translation>
    </message>
    <message>
        <source>Card reviews</source>
        <translation>闪卡复习</translation>
    </message>
    <message>
        <source>Quiz answers</source>
        <translation>测验答题</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Accuracy and true retention, by week</source>
        <translation>每周正确率和实际记忆保持率</translation>
    </message>
    <message>
        <source>True retention</source>
        <translation>实际记忆保持率</translation>
    </message>
    <message>
        <source>share right</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <source>Cards due in the next 30 days</source>
        <translation>未来 30 天到期的卡片</translation>
    </message>
    <message>
        <source>Cards due</source>
        <translation>到期卡片</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>张卡片</translation>
    </message>
    <message>
        <source>days from today</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>Answer buttons</source>
        <translation>评分按钮</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>复习次数</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation>近 14 天</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>not enough answers yet</source>
        <translation>答题数还不够</translation>
    </message>
    <message>
        <source>→ steady</source>
        <translation>→ 持平</translation>
    </message>
    <message>
        <source>↑ {n} points</source>
        <translation>↑ {n} 个百分点</translation>
    </message>
    <message>
        <source>↓ {n} points</source>
        <translation>↓ {n} 个百分点</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Card retention</source>
        <translation>卡片记忆</translation>
    </message>
    <message>
        <source>✓ read</source>
        <translation>✓ 已读</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Practise cards</source>
        <translation>练习闪卡</translation>
    </message>
    <message>
        <source>Practise quiz</source>
        <translation>练习测验</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>去阅读</translation>
    </message>
    <message>
        <source>Daily goal</source>
        <translation>每日目标</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>DeckList</name>
    <message>
        <source>Decks</source>
        <translation>卡组</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>卡组</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Set: {title}</source>
        <translation>题库：{title}</translation>
    </message>
</context>
<context>
    <name>EditorOpen</name>
    <message>
        <source>New question set</source>
        <translation>新建题库</translation>
    </message>
    <message>
        <source>Title of the new question set:</source>
        <translation>新题库的标题：</translation>
    </message>
    <message>
        <source>Cannot open the set</source>
        <translation>无法打开题库</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Questions and cards</source>
        <translation>题目和卡片</translation>
    </message>
    <message>
        <source>The question set</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export as spreadsheet (XLSX)…</source>
        <translation>导出为电子表格 (XLSX)(&amp;E)…</translation>
    </message>
    <message>
        <source>Save and &amp;import into my profile…</source>
        <translation>保存并导入我的档案(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate to edit</source>
        <translation>复制后编辑(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New question</source>
        <translation>新建题目(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;card</source>
        <translation>新建卡片(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete the item</source>
        <translation>删除此条目(&amp;D)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Use the selected passage as &amp;evidence</source>
        <translation>把选中的段落用作原文依据(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>The &amp;list of items</source>
        <translation>条目列表(&amp;L)</translation>
    </message>
    <message>
        <source>The &amp;form</source>
        <translation>表单(&amp;F)</translation>
    </message>
    <message>
        <source>The &amp;preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>The &amp;report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>Dupl&amp;icate the item</source>
        <translation>复制此条目(&amp;I)</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>The pro&amp;blems</source>
        <translation>问题(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next problem</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <source>This set is built into StudyApp and cannot be changed. Duplicate it to edit a copy of your own (Ctrl+Shift+D).</source>
        <translation>这个题库是 StudyApp 内置的，不能修改。复制一份后即可编辑自己的副本（Ctrl+Shift+D）。</translation>
    </message>
    <message>
        <source>Some items of the file could not be read and are not shown ({count} problem(s)); they are listed under Problems until you save.</source>
        <translation>文件中有些条目无法读取，没有显示（{count} 个问题）；在保存之前，它们列在“问题”下。</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>{title} (read-only) [*] — {where} — Question editor</source>
        <translation>{title}（只读）[*] — {where} — 题库编辑器</translation>
    </message>
    <message>
        <source>{title} [*] — {where} — Question editor</source>
        <translation>{title} [*] — {where} — 题库编辑器</translation>
    </message>
    <message>
        <source>Questions ({count})</source>
        <translation>题目（{count}）</translation>
    </message>
    <message>
        <source>Cards ({count})</source>
        <translation>卡片（{count}）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>has problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Edit {place}</source>
        <translation>编辑{place}</translation>
    </message>
    <message>
        <source>Edit the set&apos;s details</source>
        <translation>编辑题库信息</translation>
    </message>
    <message>
        <source>New {type} question</source>
        <translation>新建{type}</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新建卡片</translation>
    </message>
    <message>
        <source>Duplicate {place}</source>
        <translation>复制{place}</translation>
    </message>
    <message>
        <source>Delete {place}</source>
        <translation>删除{place}</translation>
    </message>
    <message>
        <source>Move {place}</source>
        <translation>移动{place}</translation>
    </message>
    <message>
        <source>Choose a question or card first.</source>
        <translation>请先选择一道题目或一张卡片。</translation>
    </message>
    <message>
        <source>Evidence for {place}</source>
        <translation>{place}的原文依据</translation>
    </message>
    <message>
        <source>Added to the evidence: “{passage}”</source>
        <translation>已加入原文依据：“{passage}”</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Save the question set</source>
        <translation>保存题库</translation>
    </message>
    <message>
        <source>StudyApp question sets (*.yaml *.yml)</source>
        <translation>StudyApp 题库 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The set could not be saved to {target}: {error}</source>
        <translation>无法把题库保存到 {target}：{error}</translation>
    </message>
    <message>
        <source>Saved to {target}.</source>
        <translation>已保存到 {target}。</translation>
    </message>
    <message>
        <source>Saved to {target}, with {count} problem(s): fix them before you hand the set out (F8 goes to the next).</source>
        <translation>已保存到 {target}，但有 {count} 个问题：请在发放题库之前改正（按 F8 转到下一个）。</translation>
    </message>
    <message>
        <source>Export as spreadsheet</source>
        <translation>导出为电子表格</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>The spreadsheet could not be written to {target}: {error}</source>
        <translation>无法把电子表格写入 {target}：{error}</translation>
    </message>
    <message>
        <source>Exported to {target}.</source>
        <translation>已导出到 {target}。</translation>
    </message>
    <message>
        <source>Exported to {target}; {count} matching, ordering or numeric question(s) were left out: a spreadsheet has no columns for them ({ids}).</source>
        <translation>已导出到 {target}；有 {count} 道匹配题、排序题或数值题没有导出：电子表格中没有对应的列（{ids}）。</translation>
    </message>
    <message>
        <source>This is your copy, “{title}”, with the set id {id}. Save it (Ctrl+S) as a file of your own.</source>
        <translation>这是你的副本“{title}”，题库 ID 为 {id}。请把它保存（Ctrl+S）为你自己的文件。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{title}” first?</source>
        <translation>先保存对“{title}”的更改吗？</translation>
    </message>
</context>
<context>
    <name>ExamDialog</name>
    <message>
        <source>New exam</source>
        <translation>新建考试</translation>
    </message>
    <message>
        <source>e.g. class7-midterm (letters, digits, - _ .)</source>
        <translation>例如 class7-midterm（字母、数字、- _ .）</translation>
    </message>
    <message>
        <source>The whole report</source>
        <translation>整篇报告</translation>
    </message>
    <message>
        <source>The four relationships — III (5)</source>
        <translation>四个关系 — 第三部分第（五）条</translation>
    </message>
    <message>
        <source>Set: {title}</source>
        <translation>题库：{title}</translation>
    </message>
    <message>
        <source>A number of questions</source>
        <translation>指定题目总数</translation>
    </message>
    <message>
        <source>A number of each type</source>
        <translation>按题型指定数量</translation>
    </message>
    <message>
        <source>A number from each section</source>
        <translation>按章节指定数量</translation>
    </message>
    <message>
        <source>Questions of</source>
        <translation>题型或章节</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>As many as they like</source>
        <translation>不限次数</translation>
    </message>
    <message>
        <source>After each attempt is submitted</source>
        <translation>每次交卷后</translation>
    </message>
    <message>
        <source>After the deadline</source>
        <translation>截止时间之后</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Also add it to this profile (to try it)</source>
        <translation>同时添加到本档案（自己先试做）</translation>
    </message>
    <message>
        <source>Exam id</source>
        <translation>考试 ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Questions from</source>
        <translation>出题范围</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>出题方式</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格线</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>作答次数</translation>
    </message>
    <message>
        <source>Show the right answers</source>
        <translation>显示正确答案</translation>
    </message>
    <message>
        <source>Shuffle seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>&amp;Save exam…</source>
        <translation>保存考试(&amp;S)…</translation>
    </message>
    <message>
        <source>Learners import the saved file with File → Import (or drop it on the window); it appears under Quiz with its deadline.</source>
        <translation>学员用“文件 → 导入”导入保存的文件（或把它拖到窗口上）；考试会连同截止时间显示在“测验”下。</translation>
    </message>
    <message>
        <source>Give at least one count of questions.</source>
        <translation>请至少填写一个题目数量。</translation>
    </message>
    <message>
        <source>Save exam</source>
        <translation>保存考试</translation>
    </message>
    <message>
        <source>StudyApp exams (*{extension})</source>
        <translation>StudyApp 考试 (*{extension})</translation>
    </message>
    <message>
        <source>The exam could not be written to {path} ({why}).</source>
        <translation>无法把考试写入 {path}（{why}）。</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Read in context</source>
        <translation>查看原文</translation>
    </message>
    <message>
        <source>Open the report at this passage (R)</source>
        <translation>在报告中打开这段原文（R）</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>回答正确</translation>
    </message>
    <message>
        <source>Partly right: {0}% of the mark</source>
        <translation>部分正确：得 {0}% 的分</translation>
    </message>
    <message>
        <source>Not right</source>
        <translation>回答错误</translation>
    </message>
    <message>
        <source>Correct answer: {0}</source>
        <translation>正确答案：{0}</translation>
    </message>
    <message>
        <source>Your answer: {0}</source>
        <translation>你的答案：{0}</translation>
    </message>
    <message>
        <source>That is not a number StudyApp can read.</source>
        <translation>StudyApp 无法识别这个数字。</translation>
    </message>
    <message>
        <source>From the report: {0}</source>
        <translation>报告原文：{0}</translation>
    </message>
</context>
<context>
    <name>Flashcards</name>
    <message>
        <source>new</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>review</source>
        <translation>复习</translation>
    </message>
    <message>
        <source>relearning</source>
        <translation>重新学习</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>{n}m</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <source>{n}h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>{n}d</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>{n}mo</source>
        <translation>{n}个月</translation>
    </message>
    <message>
        <source>{n}y</source>
        <translation>{n}年</translation>
    </message>
    <message>
        <source>in {n} minutes</source>
        <translation>{n} 分钟后</translation>
    </message>
    <message>
        <source>in a minute</source>
        <translation>1 分钟内</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>tomorrow at {time}</source>
        <translation>明天 {time}</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>{date}</translation>
    </message>
</context>
<context>
    <name>FlashcardsView</name>
    <message>
        <source>Flashcards</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <source>Choose a deck and press Enter to review it. The schedule brings each card back just before you would forget it.</source>
        <translation>选择一个卡组，按 Enter 开始复习。系统会在你快要遗忘时安排每张卡片再次出现。</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Cram</source>
        <translation>突击复习</translation>
    </message>
    <message>
        <source>Drill every card of the deck; the schedule is not changed</source>
        <translation>把卡组中的每张卡片都过一遍；不改变复习计划</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>复习计划…</translation>
    </message>
    <message>
        <source>Daily limits, desired retention, and fitting the schedule to your own history</source>
        <translation>每日上限、目标记忆保持率，以及根据你的复习记录优化复习计划</translation>
    </message>
    <message>
        <source>&amp;Cards</source>
        <translation>闪卡(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo the last action</source>
        <translation>撤销上一步操作(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Flag the card</source>
        <translation>标记此卡片(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bury until tomorrow</source>
        <translation>搁置到明天(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Suspend the card</source>
        <translation>暂停此卡片(&amp;S)</translation>
    </message>
    <message>
        <source>Card &amp;info…</source>
        <translation>卡片信息(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Read in context</source>
        <translation>查看原文(&amp;R)</translation>
    </message>
    <message>
        <source>Cram: {deck}</source>
        <translation>突击复习：{deck}</translation>
    </message>
    <message>
        <source>Cramming: grades here do not change the schedule.</source>
        <translation>突击复习中：这里的评分不会改变复习计划。</translation>
    </message>
    <message>
        <source>Remove the &amp;flag</source>
        <translation>取消标记(&amp;F)</translation>
    </message>
    <message>
        <source>{n} to go</source>
        <translation>还剩 {n} 张</translation>
    </message>
    <message>
        <source>New {new} · Learning {learning} · Review {review}</source>
        <translation>新卡 {new} · 学习中 {learning} · 复习 {review}</translation>
    </message>
    <message>
        <source>Left today in this deck</source>
        <translation>此卡组今天还剩</translation>
    </message>
    <message>
        <source>“{front}” has been forgotten {n} times: it is tagged as a leech{s}. Rewording it, or reading its passage again, usually helps.</source>
        <translation>“{front}”已遗忘 {n} 次，已被标为顽固卡{s}。改写这张卡片，或重读它对应的原文，通常会有帮助。</translation>
    </message>
    <message>
        <source> and suspended</source>
        <translation>并已暂停</translation>
    </message>
    <message>
        <source>Grade undone: the card is back as it was.</source>
        <translation>已撤销评分：卡片恢复到评分前的状态。</translation>
    </message>
    <message>
        <source>Bury undone: the card is back in today&apos;s reviews.</source>
        <translation>已撤销搁置：这张卡片回到了今天的复习中。</translation>
    </message>
    <message>
        <source>Suspension undone: the card is back in your reviews.</source>
        <translation>已撤销暂停：这张卡片回到了你的复习中。</translation>
    </message>
    <message>
        <source>Flag undone.</source>
        <translation>已撤销标记。</translation>
    </message>
    <message>
        <source>The flag is back.</source>
        <translation>标记已恢复。</translation>
    </message>
    <message>
        <source>Cram finished</source>
        <translation>突击复习结束</translation>
    </message>
    <message>
        <source>You went through {n} cards. The schedule is unchanged.</source>
        <translation>你复习了 {n} 张卡片。复习计划没有改变。</translation>
    </message>
    <message>
        <source>All done for today</source>
        <translation>今天的复习已全部完成</translation>
    </message>
    <message>
        <source>You studied {cards} cards in {minutes} min ({n} reviews, again {again}%).</source>
        <translation>你用 {minutes} 分钟学习了 {cards} 张卡片（复习 {n} 次，重来 {again}%）。</translation>
    </message>
    <message>
        <source>No cards in this deck</source>
        <translation>此卡组没有卡片</translation>
    </message>
    <message>
        <source>Import a question set with flashcards (File → Import question set) or choose another deck.</source>
        <translation>请导入含闪卡的题库（文件 → 导入题库），或选择其他卡组。</translation>
    </message>
    <message>
        <source>Every card here is suspended. Unsuspend them from Browse, or choose another deck.</source>
        <translation>此卡组的卡片都已暂停。可在“浏览”中恢复，或选择其他卡组。</translation>
    </message>
    <message>
        <source>Nothing is due in this deck now.</source>
        <translation>此卡组目前没有到期的卡片。</translation>
    </message>
    <message>
        <source>The next card is due {when}. You have learnt today&apos;s {n} new cards; more come tomorrow.</source>
        <translation>下一张卡片到期时间：{when}。今天的 {n} 张新卡已学完，明天会有新的卡片。</translation>
    </message>
    <message>
        <source>The next card is due {when}.</source>
        <translation>下一张卡片到期时间：{when}。</translation>
    </message>
    <message>
        <source>You have learnt today&apos;s {n} new cards; more come tomorrow.</source>
        <translation>今天的 {n} 张新卡已学完，明天会有新的卡片。</translation>
    </message>
    <message>
        <source>{did} Ctrl+Z to undo.</source>
        <translation>{did}按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Flagged.</source>
        <translation>已标记。</translation>
    </message>
    <message>
        <source>Flag removed.</source>
        <translation>已取消标记。</translation>
    </message>
    <message>
        <source>Buried until tomorrow.</source>
        <translation>已搁置到明天。</translation>
    </message>
    <message>
        <source>Suspended: the card stays out of reviews until you unsuspend it in Browse.</source>
        <translation>已暂停：在“浏览”中恢复之前，这张卡片不会出现在复习中。</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Daily goal</source>
        <translation>每日目标</translation>
    </message>
    <message>
        <source>minutes of study</source>
        <translation>分钟（学习时长）</translation>
    </message>
    <message>
        <source>cards reviewed and questions answered</source>
        <translation>次（复习卡片与答题）</translation>
    </message>
    <message>
        <source>A goal you reach most days beats a big one you miss.</source>
        <translation>每天都能完成的小目标，胜过常常完不成的大目标。</translation>
    </message>
    <message>
        <source>Each day:</source>
        <translation>每天：</translation>
    </message>
    <message>
        <source>Counting:</source>
        <translation>计量方式：</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>Study per day over the last year</source>
        <translation>近一年每日学习情况</translation>
    </message>
    <message>
        <source>{day}: {minutes} min · card reviews: {reviews} · quiz answers: {answers}</source>
        <translation>{day}：{minutes} 分钟 · 闪卡复习：{reviews} 次 · 测验答题：{answers} 道</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>number (order and id)</source>
        <translation>序号（顺序和 ID）</translation>
    </message>
    <message>
        <source>type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>question</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>原文依据</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>shuffle options</source>
        <translation>选项乱序</translation>
    </message>
    <message>
        <source>tag (and set title)</source>
        <translation>标签（及题库标题）</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>option {letter} feedback</source>
        <translation>选项 {letter} 的反馈</translation>
    </message>
    <message>
        <source>option {letter}</source>
        <translation>选项 {letter}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import question sets</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <source>Check the preview and the problems. Nothing is written to this profile until you choose Import, and then every file is imported or none.</source>
        <translation>请检查预览和问题。在你点“导入”之前，不会向此档案写入任何内容；导入时所有文件要么全部导入，要么全部不导入。</translation>
    </message>
    <message>
        <source>No files chosen yet.

Choose Add files… or drop question-set files here ({extensions}).</source>
        <translation>尚未选择文件。

点“添加文件…”，或把题库文件拖到这里（{extensions}）。</translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Questions and cards</source>
        <translation>题目和卡片</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation>复制问题</translation>
    </message>
    <message>
        <source>Copy every problem as &apos;file:line: message&apos; lines</source>
        <translation>把所有问题复制为“文件:行号: 说明”格式</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Warning (does not stop the import)</source>
        <translation>警告（不影响导入）</translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>警告（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}，另有 {count} 个</translation>
    </message>
    <message>
        <source>Reading {names}…</source>
        <translation>正在读取 {names}…</translation>
    </message>
    <message>
        <source>Questions and cards ({0})</source>
        <translation>题目和卡片（{0}）</translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>{files} and {last}</source>
        <translation>{files} 和 {last}</translation>
    </message>
    <message>
        <source>Fix this problem in {where} and try again; nothing has been imported.</source>
        <translation>请修改 {where} 中的这个问题后重试；尚未导入任何内容。</translation>
    </message>
    <message>
        <source>Fix these {count} problems in {where} and try again; nothing has been imported.</source>
        <translation>请修改 {where} 中的这 {count} 个问题后重试；尚未导入任何内容。</translation>
    </message>
    <message>
        <source>set</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>No problems found (the warnings below do not stop the import).</source>
        <translation>未发现问题（下面的警告不影响导入）。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>{found} Choose Import to add or update {sets}.</source>
        <translation>{found}点“导入”即可添加或更新 {sets}。</translation>
    </message>
    <message>
        <source>Importing {items}…</source>
        <translation>正在导入 {items}…</translation>
    </message>
    <message>
        <source>item</source>
        <translation>项</translation>
    </message>
    <message>
        <source>items</source>
        <translation>项</translation>
    </message>
    <message>
        <source>The question sets could not be imported: {reason}. Nothing has been imported; the profile is as it was.</source>
        <translation>无法导入题库：{reason}。没有导入任何内容，档案保持原样。</translation>
    </message>
    <message>
        <source>Set id: {0}</source>
        <translation>题库编号：{0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Already imported&lt;/b&gt;: nothing to change.</source>
        <translation>&lt;b&gt;已导入过&lt;/b&gt;：无需更改。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{added}&lt;/b&gt; added · &lt;b&gt;{updated}&lt;/b&gt; updated · &lt;b&gt;{unchanged}&lt;/b&gt; unchanged · &lt;b&gt;{retired}&lt;/b&gt; retired</source>
        <translation>新增 &lt;b&gt;{added}&lt;/b&gt; · 更新 &lt;b&gt;{updated}&lt;/b&gt; · 未变 &lt;b&gt;{unchanged}&lt;/b&gt; · 停用 &lt;b&gt;{retired}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Imported {sets}. Retired items stay in learners&apos; history but are no longer asked.</source>
        <translation>已导入 {sets}。停用的题目仍保留在学员的学习记录中，但不再出题。</translation>
    </message>
    <message>
        <source>question set</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>question sets</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>InUseDialog</name>
    <message>
        <source>Profile in use</source>
        <translation>档案正在使用</translation>
    </message>
    <message>
        <source>The profile “%1” is open in another StudyApp.</source>
        <translation>档案“%1”已在另一个 StudyApp 中打开。</translation>
    </message>
    <message>
        <source>Only one StudyApp at a time can use a profile, so that no progress is lost. Switch to the other StudyApp window, or open another profile here.</source>
        <translation>同一时间只能有一个 StudyApp 使用一个档案，以免丢失学习进度。请切换到另一个 StudyApp 窗口，或在这里打开其他档案。</translation>
    </message>
    <message>
        <source>Profile to open</source>
        <translation>要打开的档案</translation>
    </message>
    <message>
        <source>Name of a new profile</source>
        <translation>新档案的名称</translation>
    </message>
    <message>
        <source>Open another &amp;profile:</source>
        <translation>打开其他档案(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Open this profile</source>
        <translation>打开此档案(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ItemBrowser</name>
    <message>
        <source>Question or card</source>
        <translation>题目或卡片</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Questions and cards</source>
        <translation>题目和卡片</translation>
    </message>
    <message>
        <source>The selected question or card</source>
        <translation>选中的题目或卡片</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Select a question or card to see it in full.</source>
        <translation>选择一道题目或一张卡片，查看完整内容。</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Not tied to a report section</source>
        <translation>不对应报告章节</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Back of the card</source>
        <translation>卡片背面</translation>
    </message>
    <message>
        <source>Right option</source>
        <translation>正确选项</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Feedback when chosen (optional)</source>
        <translation>选中时的反馈（可选）</translation>
    </message>
    <message>
        <source>Keep the options in this order (do not shuffle)</source>
        <translation>保持选项顺序（不打乱）</translation>
    </message>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Accepted answers, separated by |</source>
        <translation>可接受的答案，用 | 分隔</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左列</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右列</translation>
    </message>
    <message>
        <source>Item, in the right place</source>
        <translation>条目（按正确顺序）</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>± tolerance</source>
        <translation>± 误差</translation>
    </message>
    <message>
        <source>or from</source>
        <translation>或从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Explanation shown after answering</source>
        <translation>作答后显示的解析</translation>
    </message>
    <message>
        <source>Evidence: quotes from the section, one a line</source>
        <translation>原文依据：引自该章节的原文，每行一条</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The quiz&apos;s default</source>
        <translation>测验的默认值</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>章节(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>题目(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>背面(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>答案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>答案(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pairs</source>
        <translation>配对(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Items</source>
        <translation>条目(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>解析(&amp;X)</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>原文依据(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Difficulty</source>
        <translation>难度(&amp;D)</translation>
    </message>
    <message>
        <source>Poi&amp;nts</source>
        <translation>分值(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Front</source>
        <translation>正面(&amp;F)</translation>
    </message>
    <message>
        <source>Front of the card</source>
        <translation>卡片正面</translation>
    </message>
    <message>
        <source>Not a number: {texts}</source>
        <translation>不是数字：{texts}</translation>
    </message>
    <message>
        <source>Card {number}</source>
        <translation>卡片 {number}</translation>
    </message>
    <message>
        <source>Question {number} · {type}</source>
        <translation>第 {number} 题 · {type}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Read the report</source>
        <translation>阅读报告</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <source>Flashcards</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>我的进度</translation>
    </message>
    <message>
        <source>Opening the profile “{profile}”…</source>
        <translation>正在打开档案“{profile}”…</translation>
    </message>
    <message>
        <source>{tip} (Ctrl+{number})</source>
        <translation>{tip}（Ctrl+{number}）</translation>
    </message>
    <message>
        <source>Profile: {profile}</source>
        <translation>档案：{profile}</translation>
    </message>
    <message>
        <source>&amp;Cards</source>
        <translation>闪卡(&amp;C)</translation>
    </message>
    <message>
        <source>There are no quiz questions on this section yet.</source>
        <translation>本节还没有测验题目。</translation>
    </message>
    <message>
        <source>{done}/{total} sections read</source>
        <translation>已读 {done}/{total} 节</translation>
    </message>
    <message>
        <source>Ctrl+2 goes back to your card.</source>
        <translation>按 Ctrl+2 回到你的卡片。</translation>
    </message>
    <message>
        <source>There are no flashcards for this section yet.</source>
        <translation>本节还没有闪卡。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import question set…</source>
        <translation>导入题库(&amp;I)…</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>导出成绩(&amp;E)…</translation>
    </message>
    <message>
        <source>Export progress &amp;report (PDF)…</source>
        <translation>导出学习进度报告（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <source>Profile &amp;details…</source>
        <translation>个人信息(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;New question set…</source>
        <translation>新建题库(&amp;N)…</translation>
    </message>
    <message>
        <source>Edi&amp;t question set…</source>
        <translation>编辑题库(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>阅读(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Question &amp;sets…</source>
        <translation>题库管理(&amp;S)…</translation>
    </message>
    <message>
        <source>Pr&amp;ofile</source>
        <translation>档案(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>外观(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About StudyApp</source>
        <translation>关于 StudyApp(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Your organisation sets the language on this PC.</source>
        <translation>本机的界面语言由单位统一设置。</translation>
    </message>
    <message>
        <source>StudyApp was started with --lang; start it without to choose here.</source>
        <translation>StudyApp 启动时指定了 --lang；不带该参数启动后才能在这里选择。</translation>
    </message>
    <message>
        <source>StudyApp was started with STUDYAPP_LANG set; start it without to choose here.</source>
        <translation>StudyApp 启动时设置了 STUDYAPP_LANG；不设置该变量启动后才能在这里选择。</translation>
    </message>
    <message>
        <source>Switches at once; no restart needed</source>
        <translation>立即切换，无需重启</translation>
    </message>
    <message>
        <source>question set</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>question sets</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>Imported {sets}.</source>
        <translation>已导入 {sets}。</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出成绩</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel 可用的 CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The results could not be written to {target} ({reason}). Choose another folder and try again.</source>
        <translation>无法把成绩写入 {target}（{reason}）。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>Exported {count} rows to {target}.</source>
        <translation>已导出 {count} 行到 {target}。</translation>
    </message>
    <message>
        <source>Progress report saved to {path}.</source>
        <translation>学习进度报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Each learner keeps their own progress in a profile.
Name of the new profile:</source>
        <translation>每位学员在自己的档案中保存学习进度。
新档案的名称：</translation>
    </message>
    <message>
        <source>There is already a profile “{name}”; it is opened now.</source>
        <translation>已有名为“{name}”的档案，现已打开。</translation>
    </message>
    <message>
        <source>About StudyApp</source>
        <translation>关于 StudyApp</translation>
    </message>
    <message>
        <source>&lt;p&gt;Research on improving the innovation ability of leading bodies and leading cadres, to read offline with your progress kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;《关于提升领导班子和领导干部创新能力的研究》，可离线阅读并保存学习进度。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything stays on this PC; StudyApp never uses the network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;所有数据都保存在本机；StudyApp 从不联网。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your data: {folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;你的数据：{folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Icons: Lucide (ISC licence).&lt;/p&gt;</source>
        <translation>&lt;p&gt;图标：Lucide（ISC 许可证）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The window is now in English; no restart is needed.</source>
        <translation>界面已切换为中文，无需重启。</translation>
    </message>
    <message>
        <source>New e&amp;xam…</source>
        <translation>新建考试(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Print exam…</source>
        <translation>打印试卷(&amp;P)…</translation>
    </message>
    <message>
        <source>C&amp;lass report…</source>
        <translation>班级报告(&amp;L)…</translation>
    </message>
    <message>
        <source>Results &amp;folder…</source>
        <translation>成绩文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Write results now</source>
        <translation>立即写入成绩(&amp;W)</translation>
    </message>
    <message>
        <source>Exam saved to {path}.</source>
        <translation>考试已保存到 {path}。</translation>
    </message>
    <message>
        <source>Import question sets or exams</source>
        <translation>导入题库或考试</translation>
    </message>
    <message>
        <source>Question sets and exams ({patterns});;All files (*)</source>
        <translation>题库和考试 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import exam</source>
        <translation>导入考试</translation>
    </message>
    <message>
        <source>These exams could not be imported; nothing was changed for them:</source>
        <translation>以下考试无法导入，它们没有做任何更改：</translation>
    </message>
    <message>
        <source>Exam imported: {titles}. It is under Quiz.</source>
        <translation>考试已导入：{titles}。它在“测验”下。</translation>
    </message>
    <message>
        <source>Exam: {title}</source>
        <translation>考试：{title}</translation>
    </message>
    <message>
        <source>20 questions on the four relationships</source>
        <translation>四个关系，20 道题</translation>
    </message>
    <message>
        <source>The four relationships</source>
        <translation>四个关系</translation>
    </message>
    <message>
        <source>20 questions on the whole report</source>
        <translation>整篇报告，20 道题</translation>
    </message>
    <message>
        <source>The report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Print exam</source>
        <translation>打印试卷</translation>
    </message>
    <message>
        <source>Print which exam? (variants A and B, answer sheets, answer key)</source>
        <translation>打印哪份试卷？（A、B 卷，答题纸，参考答案）</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Paper exam saved to {path}.</source>
        <translation>纸质试卷已保存到 {path}。</translation>
    </message>
    <message>
        <source>Class report: the folder of results files</source>
        <translation>班级报告：成绩文件所在的文件夹</translation>
    </message>
    <message>
        <source>Save the class report</source>
        <translation>保存班级报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Class report</source>
        <translation>班级报告</translation>
    </message>
    <message>
        <source>{learners} learners counted from {files} files; {skipped} files skipped. Saved to {path}.</source>
        <translation>从 {files} 个文件中统计了 {learners} 名学员；跳过 {skipped} 个文件。已保存到 {path}。</translation>
    </message>
    <message>
        <source>Results folder</source>
        <translation>成绩文件夹</translation>
    </message>
    <message>
        <source>The results folder is set for this PC: {path}.</source>
        <translation>本机的成绩文件夹已由单位设定：{path}。</translation>
    </message>
    <message>
        <source>Results folder (a USB stick or an office share)</source>
        <translation>成绩文件夹（U 盘或单位的共享文件夹）</translation>
    </message>
    <message>
        <source>Results written to {path}.</source>
        <translation>成绩已写入 {path}。</translation>
    </message>
    <message>
        <source>Write results</source>
        <translation>写入成绩</translation>
    </message>
    <message>
        <source>The results could not be written: {why}. They will be written when StudyApp closes.</source>
        <translation>无法写入成绩：{why}。StudyApp 关闭时会再写入。</translation>
    </message>
    <message>
        <source>Your results could not be written to the results folder ({why}). Nothing is lost: StudyApp writes them the next time it closes with the folder there.</source>
        <translation>无法把你的成绩写入成绩文件夹（{why}）。成绩不会丢失：下次关闭 StudyApp 时，只要该文件夹可用就会写入。</translation>
    </message>
    <message>
        <source>{path} could not be written ({why}). Choose another folder and try again.</source>
        <translation>无法写入 {path}（{why}）。请选择其他文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>MatchAnswer</name>
    <message>
        <source>Match each item below with one of these:</source>
        <translation>请为下面每一项匹配以下选项之一：</translation>
    </message>
    <message>
        <source>{0}: pair with {1}</source>
        <translation>{0}：与 {1} 配对</translation>
    </message>
    <message>
        <source>✓ right: {0}</source>
        <translation>✓ 正确：{0}</translation>
    </message>
    <message>
        <source>✗ should be {0}</source>
        <translation>✗ 应为 {0}</translation>
    </message>
    <message>
        <source>For each item, press the number of its partner (or click it); Tab and the arrow keys move between rows. Enter answers.</source>
        <translation>每一项按其配对选项的编号（或点击选项）；Tab 和方向键在各行之间移动。按 Enter 作答。</translation>
    </message>
</context>
<context>
    <name>NotebookPage</name>
    <message>
        <source>Mistake notebook</source>
        <translation>错题本</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>答错</translation>
    </message>
    <message>
        <source>Last wrong</source>
        <translation>最近答错</translation>
    </message>
    <message>
        <source>No mistakes yet. Questions you answer wrong are kept here until you answer them right in two later sessions.</source>
        <translation>还没有错题。答错的题目会保存在这里，直到你在之后的两次练习中答对为止。</translation>
    </message>
    <message>
        <source>Practise my mistakes</source>
        <translation>练习我的错题</translation>
    </message>
    <message>
        <source>Back to quizzes</source>
        <translation>返回测验</translation>
    </message>
    <message>
        <source>Other material</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>{0}×</source>
        <translation>{0} 次</translation>
    </message>
    <message>
        <source>answered wrong {0} times; right in {1} later sessions (it leaves at 2)</source>
        <translation>答错 {0} 次；之后已有 {1} 次练习答对（答对 2 次后移出）</translation>
    </message>
    <message>
        <source>{0} questions wait here, grouped by section. A question leaves after you answer it right in two later sessions.</source>
        <translation>有 {0} 道题在这里等你，按章节分组。在之后的两次练习中答对，题目就会移出错题本。</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Enter or double-click to edit</source>
        <translation>按 Enter 或双击编辑</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Notes on this section</source>
        <translation>本节笔记</translation>
    </message>
    <message>
        <source>No notes on this section yet. Select a passage and press N, or choose Add note.</source>
        <translation>本节还没有笔记。选中一段文字后按 N，或点“添加笔记”。</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <source>Add a note on this section (N in the text, or Ctrl+N)</source>
        <translation>为本节添加笔记（在正文中按 N，或按 Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记内容</translation>
    </message>
    <message>
        <source>Write your note. Ctrl+Enter saves, Esc cancels.</source>
        <translation>写下你的笔记。Ctrl+Enter 保存，Esc 取消。</translation>
    </message>
    <message>
        <source>A draft you had not saved yet.</source>
        <translation>一份尚未保存的草稿。</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>保存笔记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>Delete this note? This cannot be undone.</source>
        <translation>删除这条笔记吗？删除后无法恢复。</translation>
    </message>
</context>
<context>
    <name>OptionTile</name>
    <message>
        <source>✓ Correct answer</source>
        <translation>✓ 正确答案</translation>
    </message>
    <message>
        <source>✓ Correct answer — you chose it</source>
        <translation>✓ 正确答案 — 你选了这一项</translation>
    </message>
    <message>
        <source>✗ Your answer — not right</source>
        <translation>✗ 你的答案 — 不正确</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>已选</translation>
    </message>
</context>
<context>
    <name>OrderAnswer</name>
    <message>
        <source>Items to put in order</source>
        <translation>待排序的项目</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected item up (Ctrl+Up)</source>
        <translation>上移选中的项目（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Move the selected item down (Ctrl+Down)</source>
        <translation>下移选中的项目（Ctrl+Down）</translation>
    </message>
    <message>
        <source>✓ right place</source>
        <translation>✓ 位置正确</translation>
    </message>
    <message>
        <source>✗ belongs at {0}</source>
        <translation>✗ 应在第 {0} 位</translation>
    </message>
    <message>
        <source>Put the items in order: Up/Down select, Ctrl+Up/Ctrl+Down (or the Move buttons, or dragging) move the selected item; Enter answers.</source>
        <translation>排列顺序：Up/Down 选择项目，Ctrl+Up/Ctrl+Down（或“上移”“下移”按钮，或拖动）移动选中的项目；按 Enter 作答。</translation>
    </message>
</context>
<context>
    <name>PaperExam</name>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>(choose all that apply)</source>
        <translation>（多选）</translation>
    </message>
    <message>
        <source>(true or false)</source>
        <translation>（判断对错）</translation>
    </message>
    <message>
        <source>(write the letters in the right order)</source>
        <translation>（按正确顺序写出字母）</translation>
    </message>
    <message>
        <source>(write the letter that matches each number)</source>
        <translation>（写出与每个数字对应的字母）</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{title} — variant {variant}</source>
        <translation>{title} — {variant} 卷</translation>
    </message>
    <message>
        <source>Mark your answers on the answer sheet.</source>
        <translation>请在答题纸上作答。</translation>
    </message>
    <message>
        <source>Answer sheet — {title}, variant {variant}</source>
        <translation>答题纸 — {title}，{variant} 卷</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>题号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Answer key — {title}, variant {variant}</source>
        <translation>参考答案 — {title}，{variant} 卷</translation>
    </message>
    <message>
        <source>For the trainer: keep these pages apart.</source>
        <translation>供培训教师使用：请将这几页单独保管。</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
</context>
<context>
    <name>ProblemsPane</name>
    <message>
        <source>Problems and warnings</source>
        <translation>问题和警告</translation>
    </message>
    <message>
        <source>No problems: `studyapp validate` accepts this set.</source>
        <translation>没有问题：`studyapp validate` 接受这个题库。</translation>
    </message>
    <message>
        <source>{problems} problem(s) and {warnings} warning(s), as `studyapp validate` reports them for the saved file.</source>
        <translation>{problems} 个问题，{warnings} 个警告，与 `studyapp validate` 对已保存文件的报告一致。</translation>
    </message>
    <message>
        <source>The set</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>{where}: warning: {message}</source>
        <translation>{where}：警告：{message}</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
</context>
<context>
    <name>ProfileDetailsDialog</name>
    <message>
        <source>Profile details</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>e.g. 张伟</source>
        <translation>例如：张伟</translation>
    </message>
    <message>
        <source>optional, e.g. Organisation Department</source>
        <translation>选填，例如：组织部</translation>
    </message>
    <message>
        <source>Shown on the progress report and the results you export.</source>
        <translation>显示在学习进度报告和导出的成绩中。</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Unit (department):</source>
        <translation>单位（部门）：</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>Study progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <source>Report: {title}</source>
        <translation>报告：{title}</translation>
    </message>
    <message>
        <source>As of {day}</source>
        <translation>截至 {day}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>次复习</translation>
    </message>
    <message>
        <source>Report read</source>
        <translation>报告阅读</translation>
    </message>
    <message>
        <source>Cards due today</source>
        <translation>今日到期卡片</translation>
    </message>
    <message>
        <source>Cards learned</source>
        <translation>已学会的卡片</translation>
    </message>
    <message>
        <source>Card reviews</source>
        <translation>闪卡复习</translation>
    </message>
    <message>
        <source>True retention</source>
        <translation>实际记忆保持率</translation>
    </message>
    <message>
        <source>Quiz answers</source>
        <translation>测验答题</translation>
    </message>
    <message>
        <source>Quiz accuracy</source>
        <translation>测验正确率</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>连续学习</translation>
    </message>
    <message>
        <source>{n} days (longest {m})</source>
        <translation>{n} 天（最长 {m} 天）</translation>
    </message>
    <message>
        <source>Daily goal</source>
        <translation>每日目标</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The four relationships</source>
        <translation>四个关系</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Mastery</source>
        <translation>掌握度</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation>近 14 天</translation>
    </message>
    <message>
        <source>Trend (points)</source>
        <translation>趋势（百分点）</translation>
    </message>
    <message>
        <source>Mastery by section, weakest first</source>
        <translation>各节掌握度（由弱到强）</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Export progress report</source>
        <translation>导出学习进度报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written to {path} ({why}). Choose another folder and try again.</source>
        <translation>无法把报告写入 {path}（{why}）。请选择其他文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Flag this question to come back to it (Ctrl+G)</source>
        <translation>标记此题，稍后再回来看（Ctrl+G）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Answer card</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <source>Show answered, unanswered and flagged questions (Ctrl+K)</source>
        <translation>显示已答、未答和已标记的题目（Ctrl+K）</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Submit the exam (Ctrl+Return)</source>
        <translation>交卷（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Previous question (PageUp)</source>
        <translation>上一题（PageUp）</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Leave this quiz (Esc)</source>
        <translation>退出本次测验（Esc）</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>模拟考试</translation>
    </message>
    <message>
        <source>Practising my mistakes</source>
        <translation>练习我的错题</translation>
    </message>
    <message>
        <source>The four relationships challenge</source>
        <translation>四个关系挑战</translation>
    </message>
    <message>
        <source>Daily quiz</source>
        <translation>每日一练</translation>
    </message>
    <message>
        <source>Review: {0}</source>
        <translation>回顾：{0}</translation>
    </message>
    <message>
        <source>Back to the result</source>
        <translation>返回成绩</translation>
    </message>
    <message>
        <source>Back to the result (Esc)</source>
        <translation>返回成绩（Esc）</translation>
    </message>
    <message>
        <source>Picture for the question</source>
        <translation>题目配图</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>第 {0} 题，共 {1} 题</translation>
    </message>
    <message>
        <source>Question {0} · streak {1}</source>
        <translation>第 {0} 题 · 连对 {1} 题</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Save and submit…</source>
        <translation>保存并交卷…</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>保存并进入下一题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>See the result</source>
        <translation>查看成绩</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Choose or type an answer first; Esc leaves.</source>
        <translation>请先选择或填写答案；按 Esc 退出。</translation>
    </message>
    <message>
        <source>“{answer}” is not a number: type it in digits, e.g. 4 or 2.5.</source>
        <translation>“{answer}”不是数字：请用阿拉伯数字输入，例如 4 或 2.5。</translation>
    </message>
    <message>
        <source>The items are still in the order they were shown — answer anyway?</source>
        <translation>各项仍是出题时的顺序——仍要作答吗？</translation>
    </message>
    <message>
        <source>1 of {total} rows is not paired yet — answer anyway?</source>
        <translation>{total} 行中还有 1 行没有配对——仍要作答吗？</translation>
    </message>
    <message>
        <source>{missing} of {total} rows are not paired yet — answer anyway?</source>
        <translation>{total} 行中还有 {missing} 行没有配对——仍要作答吗？</translation>
    </message>
    <message>
        <source>&amp;Answer anyway</source>
        <translation>仍要作答(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go back to the question</source>
        <translation>返回题目(&amp;G)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>1 question is not answered.</source>
        <translation>有 1 道题未作答。</translation>
    </message>
    <message>
        <source>{0} questions are not answered.</source>
        <translation>有 {0} 道题未作答。</translation>
    </message>
    <message>
        <source>{not_answered} Submit the exam anyway? Unanswered questions score 0.</source>
        <translation>{not_answered}仍要交卷吗？未作答的题目计 0 分。</translation>
    </message>
    <message>
        <source>Every question is answered. Submit the exam now?</source>
        <translation>所有题目都已作答。现在交卷吗？</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>交卷(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go back to the exam</source>
        <translation>返回考试(&amp;G)</translation>
    </message>
    <message>
        <source>Leave the exam</source>
        <translation>退出考试</translation>
    </message>
    <message>
        <source>Leave the exam? Your answers and the time left are kept: resume it from the Quiz page.</source>
        <translation>退出考试吗？你的答案和剩余时间都会保留：可在“测验”页面继续作答。</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>退出(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Stay in the exam</source>
        <translation>继续考试(&amp;S)</translation>
    </message>
</context>
<context>
    <name>QuestionSetsDialog</name>
    <message>
        <source>Built-in sets come with StudyApp and cannot be removed. Updating StudyApp keeps them up to date.</source>
        <translation>内置题库随 StudyApp 提供，不能删除。更新 StudyApp 时会一并更新。</translation>
    </message>
    <message>
        <source>StudyApp question set (*.yaml *.yml)</source>
        <translation>StudyApp 题库 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Question sets</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>No question sets in this profile yet.

Choose Import… to add one from a file (.yaml, .yml, .csv, .xlsx, .gift or .txt).</source>
        <translation>此档案中还没有题库。

点“导入…”从文件添加（.yaml、.yml、.csv、.xlsx、.gift 或 .txt）。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add or update question sets from files</source>
        <translation>从文件添加或更新题库</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the selected set as a StudyApp YAML file</source>
        <translation>把选中的题库保存为 StudyApp YAML 文件</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>question set</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>question sets</source>
        <translation>个题库</translation>
    </message>
    <message>
        <source>Imported {sets}.</source>
        <translation>已导入 {sets}。</translation>
    </message>
    <message>
        <source>Export question set</source>
        <translation>导出题库</translation>
    </message>
    <message>
        <source>“{title}” cannot be exported: {error}</source>
        <translation>无法导出“{title}”：{error}</translation>
    </message>
    <message>
        <source>“{title}” could not be saved to {target} ({error}). Choose another folder and try again.</source>
        <translation>无法把“{title}”保存到 {target}（{error}）。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>Exported “{title}” to {target}.</source>
        <translation>已把“{title}”导出到 {target}。</translation>
    </message>
    <message>
        <source>{questions} and {cards}</source>
        <translation>{questions}、{cards}</translation>
    </message>
    <message>
        <source>question</source>
        <translation>道题</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>道题</translation>
    </message>
    <message>
        <source>card</source>
        <translation>张卡片</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>张卡片</translation>
    </message>
    <message>
        <source>Remove question set</source>
        <translation>删除题库</translation>
    </message>
    <message>
        <source>Remove “{title}” ({counts}) from this profile?

Learners&apos; history (answers, reviews and scores) is kept. Importing the file again brings the set back together with that history.</source>
        <translation>从此档案中删除“{title}”（{counts}）吗？

学员的学习记录（答题、复习和成绩）会保留。重新导入该文件后，题库会连同这些记录一起恢复。</translation>
    </message>
    <message>
        <source>Removed “{title}”. Learners&apos; history is kept.</source>
        <translation>已删除“{title}”。学员的学习记录已保留。</translation>
    </message>
    <message>
        <source>Remove the selected set from this profile</source>
        <translation>从此档案中删除选中的题库</translation>
    </message>
    <message>
        <source>Select a set to see its details.</source>
        <translation>选择一个题库查看详情。</translation>
    </message>
    <message>
        <source>Built-in · comes with StudyApp</source>
        <translation>内置 · 随 StudyApp 提供</translation>
    </message>
    <message>
        <source>Set id</source>
        <translation>题库编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>By report section</source>
        <translation>按报告章节</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Questions and cards</source>
        <translation>题目和卡片</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>There are no questions here yet. Import a question set with File → Import question set (Ctrl+O).</source>
        <translation>这里还没有题目。请通过“文件 → 导入题库”（Ctrl+O）导入题库。</translation>
    </message>
    <message>
        <source>Feedback after each answer · {scope}</source>
        <translation>每答一题即给反馈 · {scope}</translation>
    </message>
    <message>
        <source>Timed, scored against a pass mark · {scope}</source>
        <translation>限时，按及格线评分 · {scope}</translation>
    </message>
    <message>
        <source>{0} questions to practise again</source>
        <translation>有 {0} 道题待重新练习</translation>
    </message>
    <message>
        <source>Empty: questions you get wrong are kept here</source>
        <translation>空：答错的题目会保存在这里</translation>
    </message>
    <message>
        <source>{0} questions until the first wrong answer · best streak {1}</source>
        <translation>题库共 {0} 道题，答错一题即结束 · 最佳纪录连对 {1} 题</translation>
    </message>
    <message>
        <source>Done today · streak {0} days</source>
        <translation>今天已完成 · 已连续 {0} 天</translation>
    </message>
    <message>
        <source>Five questions · streak {0} days</source>
        <translation>每天五道题 · 已连续 {0} 天</translation>
    </message>
    <message>
        <source>First: innovation and pragmatism</source>
        <translation>一、创新与务实</translation>
    </message>
    <message>
        <source>Second: boldness and charge</source>
        <translation>二、敢闯与蛮干</translation>
    </message>
    <message>
        <source>Third: comprehensive innovation and reservation</source>
        <translation>三、全面创新与继承</translation>
    </message>
    <message>
        <source>Fourth: innovation and practice</source>
        <translation>四、创新与实践</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>尚未练习</translation>
    </message>
    <message>
        <source>not enough answers yet</source>
        <translation>作答还不够多</translation>
    </message>
    <message>
        <source>↑ up {0} points</source>
        <translation>↑ 提高 {0} 个百分点</translation>
    </message>
    <message>
        <source>↓ down {0} points</source>
        <translation>↓ 下降 {0} 个百分点</translation>
    </message>
    <message>
        <source>→ steady</source>
        <translation>→ 持平</translation>
    </message>
    <message>
        <source>{0}% right of the last {1}</source>
        <translation>最近 {1} 题答对 {0}%</translation>
    </message>
    <message>
        <source>An exam started {0} was not submitted: {1} of {2} questions answered, {3} left.</source>
        <translation>{0} 开始的模拟考试尚未交卷：共 {2} 题，已答 {1} 题，剩余时间 {3}。</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>模拟考试</translation>
    </message>
    <message>
        <source>An exam is waiting to be finished. Resume it, or submit it as it is and start a new one?</source>
        <translation>有一场模拟考试尚未完成。继续作答，还是按现状交卷并开始新的考试？</translation>
    </message>
    <message>
        <source>&amp;Resume it</source>
        <translation>继续作答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Submit it and start a new one</source>
        <translation>交卷并开始新考试(&amp;S)</translation>
    </message>
    <message>
        <source>Today&apos;s daily quiz is done; the next one is ready tomorrow.</source>
        <translation>今天的每日一练已完成，明天会有新的一组。</translation>
    </message>
    <message>
        <source>There are no questions for this quiz yet.</source>
        <translation>这个测验还没有题目。</translation>
    </message>
    <message>
        <source>Exam resumed with 1 answer and {left} left.</source>
        <translation>已继续模拟考试：已答 1 题，剩余时间 {left}。</translation>
    </message>
    <message>
        <source>Exam resumed with {0} answers and {1} left.</source>
        <translation>已继续模拟考试：已答 {0} 题，剩余时间 {1}。</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Show or hide notes and bookmarks (Ctrl+Shift+B)</source>
        <translation>显示或隐藏笔记和书签（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <source>Practise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Practise this section&apos;s flashcards (Ctrl+Shift+P)</source>
        <translation>练习本节的闪卡（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mark section as read</source>
        <translation>标记本节为已读(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Search the report…</source>
        <translation>搜索报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark this place</source>
        <translation>为此处添加书签(&amp;B)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>Notes and &amp;bookmarks</source>
        <translation>笔记和书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Practise this section</source>
        <translation>练习本节(&amp;P)</translation>
    </message>
    <message>
        <source>Note the selected passage</source>
        <translation>为选中的段落添加笔记</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to StudyApp.&lt;/b&gt; Read the report section by section: your place and progress are kept on this PC. Start below with the introduction, or go straight to &lt;a href=&apos;section:suggestions.5&apos;&gt;part III (5), the four relationships&lt;/a&gt;. Ctrl+F searches the whole report.</source>
        <translation>&lt;b&gt;欢迎使用 StudyApp。&lt;/b&gt;请逐节阅读报告：你的阅读位置和进度都保存在本机。可以从下面的引言开始，也可以直接跳到&lt;a href=&apos;section:suggestions.5&apos;&gt;第三部分第（五）条：四个关系&lt;/a&gt;。按 Ctrl+F 可搜索整篇报告。</translation>
    </message>
    <message>
        <source>There is no section &apos;{id}&apos; in the report.</source>
        <translation>报告中没有编号为“{id}”的章节。</translation>
    </message>
    <message>
        <source>Previous: {label} (Left or Alt+Left)</source>
        <translation>上一节：{label}（Left 或 Alt+Left）</translation>
    </message>
    <message>
        <source>Next: {label} (Right or Alt+Right)</source>
        <translation>下一节：{label}（Right 或 Alt+Right）</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>标记为已读</translation>
    </message>
    <message>
        <source>Ctrl+M marks it unread</source>
        <translation>按 Ctrl+M 标记为未读</translation>
    </message>
    <message>
        <source>Ctrl+M marks it read</source>
        <translation>按 Ctrl+M 标记为已读</translation>
    </message>
    <message>
        <source>&amp;Mark section as unread</source>
        <translation>标记本节为未读(&amp;M)</translation>
    </message>
    <message>
        <source>Marked “{label}” as read.</source>
        <translation>已将“{label}”标记为已读。</translation>
    </message>
    <message>
        <source>Marked “{label}” as not read.</source>
        <translation>已将“{label}”标记为未读。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Select a passage first, then press N; Ctrl+N notes the whole section.</source>
        <translation>请先选中一段文字再按 N；按 Ctrl+N 为整节添加笔记。</translation>
    </message>
    <message>
        <source>Bookmarked “{label}”. Bookmarks are listed beside the text.</source>
        <translation>已为“{label}”添加书签。书签列在正文旁边。</translation>
    </message>
    <message>
        <source>Text size {size} pt</source>
        <translation>字号 {size} 磅</translation>
    </message>
    <message>
        <source>Notes ({count})</source>
        <translation>笔记（{count}）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source> · draft</source>
        <translation> · 草稿</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一节</translation>
    </message>
    <message>
        <source>End of the report</source>
        <translation>报告结束</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一节</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Profile damaged</source>
        <translation>档案已损坏</translation>
    </message>
    <message>
        <source>The profile “%1” is damaged and cannot be opened.</source>
        <translation>档案“%1”已损坏，无法打开。</translation>
    </message>
    <message>
        <source>StudyApp has not changed the file. You can go back to the newest backup that is sound, from %1: what you did after it is lost. Or start afresh with an empty profile. Either way the damaged file is kept beside the profiles, so IT can still look at it.</source>
        <translation>StudyApp 没有改动这个文件。你可以恢复到 %1 的最新完好备份：此后的学习记录会丢失。也可以用一个空档案重新开始。无论哪种方式，损坏的文件都会保留在档案旁边，方便 IT 管理员查看。</translation>
    </message>
    <message>
        <source>StudyApp has not changed the file, and there is no sound backup of this profile. You can start afresh with an empty profile; the damaged file is kept beside the profiles, so IT can still look at it.</source>
        <translation>StudyApp 没有改动这个文件，而且此档案没有完好的备份。你可以用一个空档案重新开始；损坏的文件会保留在档案旁边，方便 IT 管理员查看。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>&amp;Restore the backup of %1</source>
        <translation>恢复 %1 的备份(&amp;R)</translation>
    </message>
    <message>
        <source>Start &amp;afresh</source>
        <translation>重新开始(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ReportPane</name>
    <message>
        <source>Report section</source>
        <translation>报告章节</translation>
    </message>
    <message>
        <source>Section text: select a passage to quote</source>
        <translation>章节正文：选中要引用的段落</translation>
    </message>
    <message>
        <source>&amp;Use as evidence</source>
        <translation>用作原文依据(&amp;U)</translation>
    </message>
    <message>
        <source>Add the selected passage to the evidence of the question or card (Ctrl+E)</source>
        <translation>把选中的段落加入题目或卡片的原文依据（Ctrl+E）</translation>
    </message>
    <message>
        <source>Select a passage (Shift and the arrow keys, or the mouse), then Ctrl+E.</source>
        <translation>选中一段文字（Shift 加方向键，或用鼠标），然后按 Ctrl+E。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>答对</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Questions: Enter reviews one</source>
        <translation>题目：按 Enter 回顾所选题</translation>
    </message>
    <message>
        <source>Review question by question</source>
        <translation>逐题回顾</translation>
    </message>
    <message>
        <source>Practise my mistakes</source>
        <translation>练习我的错题</translation>
    </message>
    <message>
        <source>Back to quizzes</source>
        <translation>返回测验</translation>
    </message>
    <message>
        <source>By section</source>
        <translation>按章节</translation>
    </message>
    <message>
        <source>Question by question (Enter or double-click to review)</source>
        <translation>逐题情况（按 Enter 或双击回顾）</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Score {0} ({1}%); the pass mark is {2}%.</source>
        <translation>得分 {0}（{1}%）；及格线为 {2}%。</translation>
    </message>
    <message>
        <source>{0} of {1} questions right, {2} not answered.</source>
        <translation>{1} 道题答对 {0} 道，未答 {2} 道。</translation>
    </message>
    <message>
        <source>Time ran out: the exam was submitted automatically.</source>
        <translation>时间已到：试卷已自动提交。</translation>
    </message>
    <message>
        <source>Time used: {0}</source>
        <translation>用时：{0}</translation>
    </message>
    <message>
        <source>New best streak: {0}</source>
        <translation>新的最佳纪录：连对 {0} 题</translation>
    </message>
    <message>
        <source>Streak: {0}</source>
        <translation>连对：{0} 题</translation>
    </message>
    <message>
        <source>Your best streak is {0}.</source>
        <translation>你的最佳纪录是连对 {0} 题。</translation>
    </message>
    <message>
        <source>The challenge ends at the first answer that is not right.</source>
        <translation>挑战在第一次答错时结束。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>{0} of {1} answered right ({2}%).</source>
        <translation>{1} 道题答对 {0} 道（{2}%）。</translation>
    </message>
    <message>
        <source>Questions not answered right go to your mistake notebook ({0} there now).</source>
        <translation>没有答对的题目会收入错题本（目前共 {0} 道）。</translation>
    </message>
    <message>
        <source>Other material</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>○ not answered</source>
        <translation>○ 未作答</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <source>◐ partly right</source>
        <translation>◐ 部分正确</translation>
    </message>
    <message>
        <source>✗ not right</source>
        <translation>✗ 错误</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <source>Resume your exam?</source>
        <translation>继续你的模拟考试？</translation>
    </message>
    <message>
        <source>Resume the exam</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Decks</source>
        <translation>卡组</translation>
    </message>
    <message>
        <source>Leave the review (Esc)</source>
        <translation>退出复习（Esc）</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Undo, flag, bury, suspend, card info</source>
        <translation>撤销、标记、搁置、暂停、卡片信息</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Add a row after the current one (Ctrl+Return)</source>
        <translation>在当前行之后添加一行（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <source>Remove the current row (Ctrl+Shift+Backspace)</source>
        <translation>删除当前行（Ctrl+Shift+Backspace）</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule</source>
        <translation>复习计划</translation>
    </message>
    <message>
        <source>Minutes between the first showings of a new card, e.g. 1 10</source>
        <translation>新卡片前几次出现之间的间隔（分钟），例如 1 10</translation>
    </message>
    <message>
        <source>Minutes before a forgotten card comes back, e.g. 10</source>
        <translation>遗忘的卡片再次出现前的间隔（分钟），例如 10</translation>
    </message>
    <message>
        <source>Suspend a card once it has been forgotten {n} times</source>
        <translation>卡片遗忘 {n} 次后自动暂停</translation>
    </message>
    <message>
        <source>Desired retention</source>
        <translation>目标记忆保持率</translation>
    </message>
    <message>
        <source>New cards a day</source>
        <translation>每天新卡数</translation>
    </message>
    <message>
        <source>Reviews a day</source>
        <translation>每天复习上限</translation>
    </message>
    <message>
        <source>The day starts at</source>
        <translation>每天开始于</translation>
    </message>
    <message>
        <source>Learning steps (minutes)</source>
        <translation>学习间隔（分钟）</translation>
    </message>
    <message>
        <source>Relearning steps (minutes)</source>
        <translation>重新学习间隔（分钟）</translation>
    </message>
    <message>
        <source>Optimise my schedule</source>
        <translation>优化我的复习计划</translation>
    </message>
    <message>
        <source>Fit to my history</source>
        <translation>根据我的记录优化</translation>
    </message>
    <message>
        <source>Use the fitted schedule</source>
        <translation>使用优化后的计划</translation>
    </message>
    <message>
        <source>Go back to the previous schedule</source>
        <translation>恢复之前的计划</translation>
    </message>
    <message>
        <source>Fits the memory model to your own reviews, here on this computer. You can go back to the previous schedule at any time.</source>
        <translation>根据你自己的复习记录调整记忆模型，全部在本机完成。可随时恢复之前的计划。</translation>
    </message>
    <message>
        <source>Not available on this computer: the optimiser (fsrs-rs-python) has no build for it. Everything else works as usual.</source>
        <translation>本机无法使用：优化程序（fsrs-rs-python）没有适用于这台电脑的版本。其他功能照常可用。</translation>
    </message>
    <message>
        <source>Steps are whole minutes separated by spaces, for example: 1 10</source>
        <translation>间隔为整数分钟，用空格分隔，例如：1 10</translation>
    </message>
    <message>
        <source>Fitted to {n} reviews. You recalled {actual:.0%} of the cards you reviewed; the current schedule expected {old_r:.0%}, the fitted one expects {new_r:.0%}. Prediction error (lower is better): {old:.1%} now, {new:.1%} fitted.</source>
        <translation>已根据 {n} 次复习进行优化。你复习的卡片中记住了 {actual:.0%}；当前计划预计为 {old_r:.0%}，优化后的计划预计为 {new_r:.0%}。预测误差（越低越好）：当前 {old:.1%}，优化后 {new:.1%}。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Your schedule now uses the fitted parameters; the previous ones are kept to go back to.</source>
        <translation>你的复习计划已采用优化后的参数；之前的参数已保留，可随时恢复。</translation>
    </message>
    <message>
        <source>The previous schedule is back.</source>
        <translation>已恢复之前的复习计划。</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>SectionText</name>
    <message>
        <source>Section text</source>
        <translation>章节正文</translation>
    </message>
    <message>
        <source>In this part</source>
        <translation>本部分内容</translation>
    </message>
    <message>
        <source>This part has four sections</source>
        <translation>本部分共四节</translation>
    </message>
    <message>
        <source>This part has these sections</source>
        <translation>本部分包括以下几节</translation>
    </message>
</context>
<context>
    <name>SetForm</name>
    <message>
        <source>The question set</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Set &amp;id</source>
        <translation>题库 ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>版本(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>Keep the set id when you publish a new version: learners keep their progress on every question whose id did not change.</source>
        <translation>发布新版本时请保留题库 ID：ID 没有变的题目，学员的学习进度都会保留。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Next / previous section (in the text or the contents)</source>
        <translation>下一节 / 上一节（在正文或目录中）</translation>
    </message>
    <message>
        <source>Expand / collapse a part (in the contents)</source>
        <translation>展开 / 折叠一个部分（在目录中）</translation>
    </message>
    <message>
        <source>Scroll the text; at the end, the next section</source>
        <translation>滚动正文；到底后进入下一节</translation>
    </message>
    <message>
        <source>Note the selected passage (in the text)</source>
        <translation>为选中的段落添加笔记（在正文中）</translation>
    </message>
    <message>
        <source>Leave the search</source>
        <translation>退出搜索</translation>
    </message>
    <message>
        <source>Cards: start the selected deck</source>
        <translation>闪卡：开始选中的卡组</translation>
    </message>
    <message>
        <source>Cards: show the answer</source>
        <translation>闪卡：显示答案</translation>
    </message>
    <message>
        <source>Cards: grade Again, Hard, Good, Easy</source>
        <translation>闪卡：评分 重来、困难、良好、简单</translation>
    </message>
    <message>
        <source>Cards: grade Good (the answer shown)</source>
        <translation>闪卡：评为“良好”（已显示答案时）</translation>
    </message>
    <message>
        <source>Cards: leave the review</source>
        <translation>闪卡：退出复习</translation>
    </message>
    <message>
        <source>Quiz: start the selected mode</source>
        <translation>测验：开始选中的模式</translation>
    </message>
    <message>
        <source>Quiz: pick or tick an option; pair a row (matching)</source>
        <translation>测验：选择或勾选选项；为一行配对（匹配题）</translation>
    </message>
    <message>
        <source>Quiz: answer, then go on after the feedback</source>
        <translation>测验：作答，看完反馈后继续</translation>
    </message>
    <message>
        <source>Quiz: move the selected item (ordering)</source>
        <translation>测验：移动选中的项目（排序题）</translation>
    </message>
    <message>
        <source>Quiz: read the evidence in context</source>
        <translation>测验：查看原文依据</translation>
    </message>
    <message>
        <source>Exam: previous / next question</source>
        <translation>模拟考试：上一题 / 下一题</translation>
    </message>
    <message>
        <source>Exam: flag the question</source>
        <translation>模拟考试：标记此题</translation>
    </message>
    <message>
        <source>Exam: show the answer card</source>
        <translation>模拟考试：显示答题卡</translation>
    </message>
    <message>
        <source>Exam: submit</source>
        <translation>模拟考试：交卷</translation>
    </message>
    <message>
        <source>Quiz: leave (an exam asks first)</source>
        <translation>测验：退出（模拟考试会先确认）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Quizzes</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Check what you have understood. Every answer is traced to the report&apos;s own words.</source>
        <translation>检验你的理解程度。每道题的答案都能在报告原文中找到依据。</translation>
    </message>
    <message>
        <source>Resume the exam</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Resume the exam where you left it (Ctrl+R)</source>
        <translation>从上次离开的地方继续考试（Ctrl+R）</translation>
    </message>
    <message>
        <source>Submit it as it is</source>
        <translation>按现状交卷</translation>
    </message>
    <message>
        <source>Quiz modes</source>
        <translation>测验模式</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>模拟考试</translation>
    </message>
    <message>
        <source>Mistake notebook</source>
        <translation>错题本</translation>
    </message>
    <message>
        <source>The four relationships challenge</source>
        <translation>四个关系挑战</translation>
    </message>
    <message>
        <source>Daily quiz</source>
        <translation>每日一练</translation>
    </message>
    <message>
        <source>Questions from</source>
        <translation>出题范围</translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation>题目数量</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Time limit in minutes</source>
        <translation>时间限制（分钟）</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格线</translation>
    </message>
    <message>
        <source>Scoring of multiple answers</source>
        <translation>多选题评分方式</translation>
    </message>
    <message>
        <source>All or nothing</source>
        <translation>全对才得分</translation>
    </message>
    <message>
        <source>Partial credit, 0 for a wrong choice</source>
        <translation>按比例得分，选错得 0 分</translation>
    </message>
    <message>
        <source>Moodle fractions</source>
        <translation>Moodle 分值比例</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Multiple answers</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>The four relationships — III (5)</source>
        <translation>四个关系 — 第三部分第（五）条</translation>
    </message>
    <message>
        <source>The whole report</source>
        <translation>整篇报告</translation>
    </message>
    <message>
        <source>Set: {0}</source>
        <translation>题库：{0}</translation>
    </message>
    <message>
        <source>Tag: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <source>Feedback after each answer. Enter starts.</source>
        <translation>每答一题即给反馈。按 Enter 开始。</translation>
    </message>
    <message>
        <source>No feedback until you submit; the answer card shows what is left. Every answer is saved as you give it.</source>
        <translation>交卷前不给反馈；答题卡显示哪些题还没答。每道题的答案都会随答随存。</translation>
    </message>
    <message>
        <source>Every question you answered wrong, by section. Enter opens it.</source>
        <translation>所有答错过的题目，按章节排列。按 Enter 打开。</translation>
    </message>
    <message>
        <source>All types mixed, until the first wrong answer. Enter starts.</source>
        <translation>各种题型混合，答错一题即结束。按 Enter 开始。</translation>
    </message>
    <message>
        <source>Five questions a day: your mistakes first, then new ones.</source>
        <translation>每天五道题：先出错题，再出新题。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The four relationships</source>
        <translation>四个关系</translation>
    </message>
    <message>
        <source>Best challenge streak: {0}</source>
        <translation>挑战最佳纪录：连对 {0} 题</translation>
    </message>
    <message>
        <source>No challenge yet: how many in a row can you answer?</source>
        <translation>还没有挑战过：你能连续答对多少题？</translation>
    </message>
</context>
<context>
    <name>StatePage</name>
    <message>
        <source>Study ahead</source>
        <translation>提前学习</translation>
    </message>
    <message>
        <source>Cram this deck</source>
        <translation>突击复习此卡组</translation>
    </message>
    <message>
        <source>Back to the decks</source>
        <translation>返回卡组列表</translation>
    </message>
</context>
<context>
    <name>TextAnswer</name>
    <message>
        <source>A number, e.g. 1921 or 3.5</source>
        <translation>数字，例如 1921 或 3.5</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>输入你的答案</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Type a number, then press Enter.</source>
        <translation>输入一个数字，然后按 Enter。</translation>
    </message>
    <message>
        <source>Type the missing words, then press Enter (case and full-width letters do not matter).</source>
        <translation>填写缺少的词语，然后按 Enter（不区分大小写和全角半角）。</translation>
    </message>
</context>
<context>
    <name>WindowSession</name>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>损坏的文件已另存为 %1。</translation>
    </message>
</context>
<context>
    <name>_FileCard</name>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>Set id: {0}</source>
        <translation>题库编号：{0}</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>By report section</source>
        <translation>按报告章节</translation>
    </message>
    <message>
        <source>&lt;b&gt;Columns:&lt;/b&gt; {columns}</source>
        <translation>&lt;b&gt;列：&lt;/b&gt;{columns}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Question sets ({patterns});;All files (*)</source>
        <translation>题库文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import question sets</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot be read&lt;/b&gt;: see the problems below.</source>
        <translation>&lt;b&gt;无法读取&lt;/b&gt;：见下方问题。</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>个问题</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>个问题</translation>
    </message>
    <message>
        <source>&lt;b&gt;Has {problems}&lt;/b&gt;: see below.</source>
        <translation>&lt;b&gt;有 {problems}&lt;/b&gt;：见下方。</translation>
    </message>
    <message>
        <source>&lt;b&gt;New set&lt;/b&gt;: it will be added to this profile.</source>
        <translation>&lt;b&gt;新题库&lt;/b&gt;：将添加到此档案。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Already imported&lt;/b&gt; from this very file: importing it again changes nothing.</source>
        <translation>&lt;b&gt;已导入过&lt;/b&gt;同一文件：再次导入不会有任何改变。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Updates&lt;/b&gt; the set “{title}” in this profile: {added} new, {updated} changed, {retired} removed, {unchanged} unchanged. Learners keep their progress on every item whose id stays.</source>
        <translation>&lt;b&gt;更新&lt;/b&gt;此档案中的题库“{title}”：新增 {added}，修改 {updated}，删除 {retired}，未变 {unchanged}。只要编号不变，学员在每道题上的学习进度都会保留。</translation>
    </message>
    <message>
        <source>StudyApp YAML</source>
        <translation>StudyApp YAML</translation>
    </message>
    <message>
        <source>CSV spreadsheet</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>GIFT (Moodle)</source>
        <translation>GIFT（Moodle）</translation>
    </message>
    <message>
        <source>Aiken</source>
        <translation>Aiken</translation>
    </message>
    <message>
        <source>Question paper (text or Word)</source>
        <translation>试卷（文本或 Word）</translation>
    </message>
    <message>
        <source>Text (Aiken, GIFT or a question paper)</source>
        <translation>文本（Aiken、GIFT 或试卷）</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Fill in the blank</source>
        <translation>填空题</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>匹配题</translation>
    </message>
    <message>
        <source>Ordering</source>
        <translation>排序题</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>数值题</translation>
    </message>
    <message>
        <source>Not tied to a report section</source>
        <translation>不对应报告章节</translation>
    </message>
    <message>
        <source>(not a report section)</source>
        <translation>（非报告章节）</translation>
    </message>
    <message>
        <source>whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
    <message>
        <source>Card {0}</source>
        <translation>卡片 {0}</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>背面</translation>
    </message>
    <message>
        <source>Answer: {0}</source>
        <translation>答案：{0}</translation>
    </message>
    <message>
        <source>true</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>false</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Accepted answers: {0}</source>
        <translation>可接受的答案：{0}</translation>
    </message>
    <message>
        <source>Pairs:</source>
        <translation>配对：</translation>
    </message>
    <message>
        <source>In this order:</source>
        <translation>正确顺序：</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Section: {0}</source>
        <translation>章节：{0}</translation>
    </message>
    <message>
        <source>Evidence: “{0}”</source>
        <translation>原文依据：“{0}”</translation>
    </message>
    <message>
        <source>Tags: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <source>Difficulty: {0} of 5</source>
        <translation>难度：{0}（满分 5）</translation>
    </message>
    <message>
        <source>Line {0} of the file</source>
        <translation>文件第 {0} 行</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <source>{total} in all, {each} a question</source>
        <translation>共 {total} 分，每题 {each} 分</translation>
    </message>
    <message>
        <source> ({count} without points)</source>
        <translation>（{count} 道题无分值）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source> · {count} more</source>
        <translation> · 另有 {count} 个</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Option notes</source>
        <translation>选项说明</translation>
    </message>
    <message>
        <source>in {count} of the questions</source>
        <translation>见于 {count} 道题</translation>
    </message>
    <message>
        <source>question</source>
        <translation>道题</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>道题</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>配图</translation>
    </message>
    <message>
        <source>Several blanks</source>
        <translation>多个填空</translation>
    </message>
    <message>
        <source>the profile cannot be read to compare with it: {error}</source>
        <translation>无法读取档案以进行比较：{error}</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
</context>
<context>
    <name>install_check</name>
    <message>
        <source>StudyApp cannot start: Qt&apos;s platform plugin &apos;{name}&apos; is missing from {folder}. The installation is incomplete. Reinstall StudyApp, or ask your IT contact to.</source>
        <translation>StudyApp 无法启动：Qt 的平台插件“{name}”不在 {folder} 中。安装不完整。请重新安装 StudyApp，或请 IT 管理员重新安装。</translation>
    </message>
    <message>
        <source>The app&apos;s file &apos;{name}&apos; is missing.</source>
        <translation>缺少程序文件“{name}”。</translation>
    </message>
    <message>
        <source>The built-in question sets are missing.</source>
        <translation>缺少内置题库。</translation>
    </message>
    <message>
        <source>Qt&apos;s image plugins for {formats} are missing, so pictures in questions cannot be shown.</source>
        <translation>缺少 Qt 的 {formats} 图像插件，因此无法显示题目中的图片。</translation>
    </message>
    <message>
        <source>StudyApp is not installed completely:

{problems}

Reinstall StudyApp, or ask your IT contact to. Your own data is not affected.</source>
        <translation>StudyApp 没有完整安装：

{problems}

请重新安装 StudyApp，或请 IT 管理员重新安装。你自己的数据不受影响。</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>StudyApp cannot start.</source>
        <translation>StudyApp 无法启动。</translation>
    </message>
    <message>
        <source>The details were saved to {log}.</source>
        <translation>详细信息已保存到 {log}。</translation>
    </message>
    <message>
        <source>The details could not be saved.</source>
        <translation>无法保存详细信息。</translation>
    </message>
    <message>
        <source>{problem} {where}</source>
        <translation>{problem}{where}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. Your progress is saved. {where} Please send that file to your IT contact.</source>
        <translation>出错了：{error}。你的学习进度已保存。{where}请把该文件发给 IT 管理员。</translation>
    </message>
</context>
</TS>
