using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Block scanner (Markdown block structure and HTML blocks)
        // ------------------------------------------------------------------------------------------------------------

        private sealed class BlockScanner
        {
            private readonly Builder _b;
            private readonly int _depth;
            private readonly StringBuilder _run = new StringBuilder();
            private readonly List<MdList> _lists = new List<MdList>();
            private bool _runHtml;
            private bool _htmlBlock;
            private bool _prevBlank = true;
            private string? _rawEnd;

            public BlockScanner(Builder builder, int depth)
            {
                _b = builder;
                _depth = depth;
            }

            private sealed class MdList
            {
                public bool Ordered { get; set; }

                public int ContentIndent { get; set; }
            }

            public void Run(List<string> lines)
            {
                int n = lines.Count;
                int i = 0;
                while (i < n)
                {
                    string line = lines[i];
                    if (_rawEnd != null)
                    {
                        AppendRun(line, html: true);
                        if (line.IndexOf(_rawEnd, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            _rawEnd = null;
                            FlushRun();
                        }

                        i++;
                        continue;
                    }

                    if (IsAllWhite(line))
                    {
                        FlushRun();
                        _b.EndPara();
                        _htmlBlock = false;
                        _prevBlank = true;
                        i++;
                        continue;
                    }

                    if (_htmlBlock)
                    {
                        AppendRun(line, html: true);
                        i++;
                        continue;
                    }

                    int cs = IndentEnd(line, out int indent);
                    if (_run.Length > 0 && !_runHtml && !_prevBlank && IsSetextUnderline(line, cs) &&
                        (_lists.Count == 0 || indent >= _lists[_lists.Count - 1].ContentIndent))
                    {
                        // "Title\n=====": the paragraph so far is a heading.
                        string title = _run.ToString();
                        _run.Clear();
                        _b.BeginHeading();
                        InlineParser.Emit(title, true, _b);
                        _b.EndHeading();
                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (IsThematicBreak(line, cs))
                    {
                        FlushRun();
                        while (_lists.Count > 0 && indent < _lists[_lists.Count - 1].ContentIndent)
                        {
                            CloseList();
                        }

                        _b.EndPara();
                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (TryListMarker(line, cs, indent, out bool ordered, out int startNumber, out int contentIndent, out int contentStart))
                    {
                        bool inParagraph = _run.Length > 0 && !_runHtml && !_prevBlank;
                        bool emptyItem = IsAllWhite(line, contentStart);
                        if (inParagraph && _lists.Count == 0 && ((ordered && startNumber != 1) || emptyItem))
                        {
                            AppendRun(line, html: false);
                        }
                        else
                        {
                            FlushRun();
                            StartItem(ordered, indent, contentIndent);
                            if (!emptyItem)
                            {
                                ProcessContent(line.Substring(contentStart));
                            }
                        }

                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (_lists.Count > 0)
                    {
                        if (!_prevBlank && !IsBlockStart(line, cs))
                        {
                            // Lazy continuation of the current item's paragraph.
                            AppendRun(line, html: false);
                            i++;
                            continue;
                        }

                        while (_lists.Count > 0 && indent < _lists[_lists.Count - 1].ContentIndent)
                        {
                            CloseList();
                        }
                    }

                    int baseIndent = _lists.Count > 0 ? _lists[_lists.Count - 1].ContentIndent : 0;
                    if (indent - baseIndent < 4)
                    {
                        if (TryFence(lines, ref i, line, cs, indent))
                        {
                            _prevBlank = false;
                            continue;
                        }

                        if (TryHeading(line, cs))
                        {
                            _prevBlank = false;
                            i++;
                            continue;
                        }

                        if (line[cs] == '>')
                        {
                            Quote(lines, ref i);
                            _prevBlank = false;
                            continue;
                        }

                        if (TryTable(lines, ref i, line))
                        {
                            _prevBlank = false;
                            continue;
                        }
                    }

                    ProcessContent(line.Substring(cs));
                    _prevBlank = false;
                    i++;
                }

                FlushRun();
                while (_lists.Count > 0)
                {
                    CloseList();
                }

                _b.EndPara();
            }

            private void ProcessContent(string content)
            {
                if (HtmlBlockStart(content, out string? rawEnd, out int markerEnd))
                {
                    AppendRun(content, html: true);
                    if (rawEnd is null)
                    {
                        _htmlBlock = true;
                    }
                    else if (content.IndexOf(rawEnd, markerEnd, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        FlushRun();
                    }
                    else
                    {
                        _rawEnd = rawEnd;
                    }

                    return;
                }

                AppendRun(content, html: false);
            }

            private void AppendRun(string line, bool html)
            {
                if (_run.Length > 0 && _runHtml != html)
                {
                    FlushRun();
                }

                if (_run.Length > 0)
                {
                    _run.Append('\n');
                }

                _run.Append(line);
                _runHtml = html;
            }

            private void FlushRun()
            {
                if (_run.Length == 0)
                {
                    return;
                }

                string s = _run.ToString();
                _run.Clear();
                InlineParser.Emit(s, !_runHtml, _b);
                if (!_runHtml)
                {
                    // A Markdown paragraph ends with its run.
                    _b.EndPara();
                }
            }

            private void StartItem(bool ordered, int indent, int contentIndent)
            {
                bool sibling = false;
                while (_lists.Count > 0)
                {
                    MdList top = _lists[_lists.Count - 1];
                    if (indent >= top.ContentIndent)
                    {
                        break;
                    }

                    int parentContent = _lists.Count > 1 ? _lists[_lists.Count - 2].ContentIndent : 0;
                    if (indent >= parentContent)
                    {
                        sibling = true;
                        break;
                    }

                    CloseList();
                }

                if (sibling)
                {
                    MdList top = _lists[_lists.Count - 1];
                    _b.MdClose();
                    if (top.Ordered != ordered)
                    {
                        _b.MdClose();
                        _lists.RemoveAt(_lists.Count - 1);
                        OpenList(ordered, contentIndent);
                        return;
                    }

                    top.ContentIndent = contentIndent;
                    _b.MdOpen(K.Item, false, null);
                    return;
                }

                OpenList(ordered, contentIndent);
            }

            private void OpenList(bool ordered, int contentIndent)
            {
                _b.MdOpen(K.List, ordered, null);
                _b.MdOpen(K.Item, false, null);
                _lists.Add(new MdList { Ordered = ordered, ContentIndent = contentIndent });
            }

            private void CloseList()
            {
                FlushRun();
                _htmlBlock = false;
                _b.MdClose();
                _b.MdClose();
                _lists.RemoveAt(_lists.Count - 1);
            }

            private bool IsBlockStart(string line, int cs)
            {
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                return c == '>' ||
                       IsThematicBreak(line, cs) ||
                       ((c == '`' || c == '~') && FenceLength(line, cs) >= 3) ||
                       (c == '#' && HeadingLevel(line, cs) > 0) ||
                       (c == '<' && HtmlBlockStart(line.Substring(cs), out _, out _));
            }

            private static int IndentEnd(string line, out int indent)
            {
                indent = 0;
                int i = 0;
                while (i < line.Length)
                {
                    char c = line[i];
                    if (c == ' ' || c == '\u00A0')
                    {
                        indent++;
                    }
                    else if (c == '\t')
                    {
                        indent += 4 - (indent % 4);
                    }
                    else
                    {
                        break;
                    }

                    i++;
                }

                return i;
            }

            private static bool IsSetextUnderline(string line, int cs)
            {
                if (cs >= line.Length || (line[cs] != '=' && line[cs] != '-'))
                {
                    return false;
                }

                int k = cs;
                while (k < line.Length && line[k] == line[cs])
                {
                    k++;
                }

                return IsAllWhite(line, k);
            }

            private static bool IsThematicBreak(string line, int cs)
            {
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                if (c != '-' && c != '*' && c != '_')
                {
                    return false;
                }

                int count = 0;
                for (int i = cs; i < line.Length; i++)
                {
                    if (line[i] == c)
                    {
                        count++;
                    }
                    else if (line[i] != ' ' && line[i] != '\t')
                    {
                        return false;
                    }
                }

                return count >= 3;
            }

            private static bool TryListMarker(
                string line, int cs, int indent, out bool ordered, out int startNumber, out int contentIndent, out int contentStart)
            {
                ordered = false;
                startNumber = 0;
                contentIndent = 0;
                contentStart = line.Length;
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                int k;
                if (c == '-' || c == '*' || c == '+')
                {
                    k = cs + 1;
                }
                else if (IsAsciiDigit(c))
                {
                    k = cs;
                    int value = 0;
                    while (k < line.Length && k - cs < 9 && IsAsciiDigit(line[k]))
                    {
                        value = (value * 10) + (line[k] - '0');
                        k++;
                    }

                    if (k >= line.Length || (line[k] != '.' && line[k] != ')'))
                    {
                        return false;
                    }

                    k++;
                    ordered = true;
                    startNumber = value;
                }
                else
                {
                    return false;
                }

                if (k < line.Length && line[k] != ' ' && line[k] != '\t')
                {
                    return false;
                }

                int spaces = 0;
                int m = k;
                while (m < line.Length && (line[m] == ' ' || line[m] == '\t'))
                {
                    spaces += line[m] == '\t' ? 4 : 1;
                    m++;
                }

                if (m >= line.Length)
                {
                    spaces = 1;
                }
                else if (spaces > 4)
                {
                    spaces = 1;
                    m = k + 1;
                }

                contentIndent = indent + (k - cs) + spaces;
                contentStart = m;
                return true;
            }

            private static int FenceLength(string line, int cs)
            {
                char c = line[cs];
                int k = cs;
                while (k < line.Length && line[k] == c)
                {
                    k++;
                }

                if (k - cs < 3 || (c == '`' && line.IndexOf('`', k) >= 0))
                {
                    return 0;
                }

                return k - cs;
            }

            private bool TryFence(List<string> lines, ref int i, string line, int cs, int indent)
            {
                char fc = line[cs];
                if (fc != '`' && fc != '~')
                {
                    return false;
                }

                int length = FenceLength(line, cs);
                if (length < 3)
                {
                    return false;
                }

                FlushRun();
                _b.EndPara();
                var code = new StringBuilder();
                int j = i + 1;
                bool first = true;
                for (; j < lines.Count; j++)
                {
                    string l = lines[j];
                    int lcs = IndentEnd(l, out _);
                    if (IsFenceClose(l, lcs, fc, length))
                    {
                        j++;
                        break;
                    }

                    if (!first)
                    {
                        code.Append('\n');
                    }

                    first = false;
                    code.Append(StripIndent(l, indent));
                }

                _b.CodeBlock(code.ToString());
                i = j;
                return true;
            }

            private static bool IsFenceClose(string line, int cs, char fc, int length)
            {
                int k = cs;
                while (k < line.Length && line[k] == fc)
                {
                    k++;
                }

                return k - cs >= length && IsAllWhite(line, k);
            }

            private static string StripIndent(string line, int columns)
            {
                int i = 0;
                int col = 0;
                while (i < line.Length && col < columns && (line[i] == ' ' || line[i] == '\t'))
                {
                    col += line[i] == '\t' ? 4 : 1;
                    i++;
                }

                return i == 0 ? line : line.Substring(i);
            }

            private static int HeadingLevel(string line, int cs)
            {
                int k = cs;
                while (k < line.Length && line[k] == '#')
                {
                    k++;
                }

                int level = k - cs;
                if (level < 1 || level > 6 || (k < line.Length && line[k] != ' ' && line[k] != '\t'))
                {
                    return 0;
                }

                return level;
            }

            private bool TryHeading(string line, int cs)
            {
                int level = HeadingLevel(line, cs);
                if (level == 0)
                {
                    return false;
                }

                string text = line.Substring(cs + level).Trim();
                int end = text.Length;
                while (end > 0 && text[end - 1] == '#')
                {
                    end--;
                }

                if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t')
                {
                    text = text.Substring(0, end).Trim();
                }

                FlushRun();
                _b.BeginHeading();
                InlineParser.Emit(text, true, _b);
                _b.EndHeading();
                return true;
            }

            private void Quote(List<string> lines, ref int i)
            {
                FlushRun();
                _b.EndPara();
                var inner = new List<string>();
                int j = i;
                while (j < lines.Count)
                {
                    string l = lines[j];
                    int lcs = IndentEnd(l, out _);
                    if (lcs >= l.Length || l[lcs] != '>')
                    {
                        break;
                    }

                    int k = lcs + 1;
                    if (k < l.Length && (l[k] == ' ' || l[k] == '\t'))
                    {
                        k++;
                    }

                    inner.Add(l.Substring(k));
                    j++;
                }

                i = j;
                string? label = null;
                if (inner.Count > 0)
                {
                    label = TryAlert(inner[0], out string rest);
                    if (label != null)
                    {
                        if (IsAllWhite(rest))
                        {
                            inner.RemoveAt(0);
                        }
                        else
                        {
                            inner[0] = rest;
                        }
                    }
                }

                _b.MdOpen(label is null ? K.Group : K.Note, false, label);
                if (_depth >= MaxQuoteDepth)
                {
                    // Too deep: no more structure, just the text.
                    var flat = new BlockScanner(_b, _depth + 1);
                    foreach (string l in inner)
                    {
                        int k = 0;
                        while (k < l.Length && (l[k] == '>' || char.IsWhiteSpace(l[k])))
                        {
                            k++;
                        }

                        if (k < l.Length)
                        {
                            flat.AppendRun(l.Substring(k), html: false);
                        }
                    }

                    flat.FlushRun();
                }
                else
                {
                    new BlockScanner(_b, _depth + 1).Run(inner);
                }

                _b.MdClose();
            }

            /// <summary>Recognises a GFM alert marker such as <c>[!NOTE]</c> and returns its label.</summary>
            private static string? TryAlert(string line, out string rest)
            {
                rest = "";
                int k = IndentEnd(line, out _);
                if (k + 2 >= line.Length || line[k] != '[' || line[k + 1] != '!')
                {
                    return null;
                }

                int start = k + 2;
                int e = start;
                while (e < line.Length && e - start <= 20 && IsAsciiLetter(line[e]))
                {
                    e++;
                }

                if (e == start || e - start > 20 || e >= line.Length || line[e] != ']')
                {
                    return null;
                }

                rest = line.Substring(e + 1);
                string word = line.Substring(start, e - start);
                return char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
            }

            private bool TryTable(List<string> lines, ref int i, string line)
            {
                if (line.IndexOf('|') < 0 || i + 1 >= lines.Count)
                {
                    return false;
                }

                List<string>? delimiter = DelimiterRow(lines[i + 1]);
                if (delimiter is null)
                {
                    return false;
                }

                List<string> header = SplitCells(line);
                if (header.Count != delimiter.Count)
                {
                    return false;
                }

                FlushRun();
                _b.EndPara();
                _b.MdOpen(K.Table, false, null);
                EmitRow(header, header.Count, true);
                int j = i + 2;
                while (j < lines.Count && !IsAllWhite(lines[j]) && lines[j].IndexOf('|') >= 0)
                {
                    EmitRow(SplitCells(lines[j]), header.Count, false);
                    j++;
                }

                _b.MdClose();
                i = j;
                return true;
            }

            private void EmitRow(List<string> cells, int columns, bool header)
            {
                _b.MdOpen(K.Row, false, null);
                for (int c = 0; c < columns; c++)
                {
                    _b.MdOpen(K.Cell, header, null);
                    if (c < cells.Count)
                    {
                        InlineParser.Emit(cells[c], true, _b);
                    }

                    _b.MdClose();
                }

                _b.MdClose();
            }

            private static List<string>? DelimiterRow(string line)
            {
                if (line.IndexOf('|') < 0 || line.IndexOf('-') < 0)
                {
                    return null;
                }

                List<string> cells = SplitCells(line);
                foreach (string cell in cells)
                {
                    string c = cell.Trim();
                    int a = 0;
                    int b = c.Length;
                    if (a < b && c[a] == ':')
                    {
                        a++;
                    }

                    if (b > a && c[b - 1] == ':')
                    {
                        b--;
                    }

                    if (b <= a)
                    {
                        return null;
                    }

                    for (int k = a; k < b; k++)
                    {
                        if (c[k] != '-')
                        {
                            return null;
                        }
                    }
                }

                return cells;
            }

            private static List<string> SplitCells(string line)
            {
                string s = line.Trim();
                if (s.StartsWith("|", StringComparison.Ordinal))
                {
                    s = s.Substring(1);
                }

                if (s.EndsWith("|", StringComparison.Ordinal) && !s.EndsWith("\\|", StringComparison.Ordinal))
                {
                    s = s.Substring(0, s.Length - 1);
                }

                var cells = new List<string>();
                var cell = new StringBuilder();
                for (int k = 0; k < s.Length; k++)
                {
                    char c = s[k];
                    if (c == '\\' && k + 1 < s.Length && s[k + 1] == '|')
                    {
                        cell.Append('|');
                        k++;
                    }
                    else if (c == '|')
                    {
                        cells.Add(cell.ToString().Trim());
                        cell.Clear();
                    }
                    else
                    {
                        cell.Append(c);
                    }
                }

                cells.Add(cell.ToString().Trim());
                return cells;
            }

            /// <summary>
            /// True when the line opens a CommonMark HTML block: type 6 (block-level tag, ends at a blank line; rawEnd
            /// null) or types 1 and 2 (pre/script/style/textarea and comments; ends at the line holding rawEnd).
            /// </summary>
            private static bool HtmlBlockStart(string content, out string? rawEnd, out int markerEnd)
            {
                rawEnd = null;
                markerEnd = 0;
                if (content.Length < 2 || content[0] != '<')
                {
                    return false;
                }

                if (content.StartsWith("<!--", StringComparison.Ordinal))
                {
                    rawEnd = "-->";
                    markerEnd = 4;
                    return true;
                }

                int j = 1;
                bool close = false;
                if (content[j] == '/')
                {
                    close = true;
                    j++;
                }

                int ns = j;
                while (j < content.Length && IsAsciiLetterOrDigit(content[j]))
                {
                    j++;
                }

                if (j == ns || !IsAsciiLetter(content[ns]))
                {
                    return false;
                }

                bool terminated = j >= content.Length || content[j] == '>' || char.IsWhiteSpace(content[j]) ||
                                  (content[j] == '/' && j + 1 < content.Length && content[j + 1] == '>');
                if (!terminated)
                {
                    return false;
                }

                string name = content.Substring(ns, j - ns).ToLowerInvariant();
                if (!close && RawBlockTagNames.Contains(name))
                {
                    rawEnd = "</" + name;
                    markerEnd = j;
                    return true;
                }

                return BlockTagNames.Contains(name);
            }
        }
    }
}
