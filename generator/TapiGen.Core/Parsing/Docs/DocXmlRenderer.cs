using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // XML rendering
        // ------------------------------------------------------------------------------------------------------------

        /// <summary>
        /// Writes escaped inline XML: white space collapsed (a space is written only before the next visible content,
        /// so none leads or trails), forbidden characters removed, empty elements dropped.
        /// </summary>
        private sealed class InlineWriter
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private bool _pending;
            private bool _lastSpace;
            private bool _lastBreak;

            public struct Mark
            {
                public int Length;
                public int AfterOpen;
                public bool LastSpace;
                public bool LastBreak;
                public bool Pending;
            }

            public void Text(string s)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    char c = s[i];
                    if (char.IsWhiteSpace(c))
                    {
                        _pending = true;
                        continue;
                    }

                    if (char.IsHighSurrogate(c))
                    {
                        Flush();
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            _sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else
                        {
                            _sb.Append('\uFFFD');
                        }

                        Wrote();
                        continue;
                    }

                    if (IsDropped(c))
                    {
                        continue;
                    }

                    if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        c = '\uFFFD';
                    }

                    Flush();
                    AppendEscaped(_sb, c);
                    Wrote();
                }
            }

            private void Wrote()
            {
                _lastSpace = false;
                _lastBreak = false;
            }

            private void Flush()
            {
                if (_pending)
                {
                    if (_sb.Length > 0 && !_lastSpace && !_lastBreak)
                    {
                        _sb.Append(' ');
                        _lastSpace = true;
                    }

                    _pending = false;
                }
            }

            public void Break()
            {
                if (_sb.Length == 0 || _lastBreak)
                {
                    return;
                }

                _pending = false;
                _sb.Append("<br/>");
                _lastBreak = true;
                _lastSpace = false;
            }

            public Mark Open(string tag)
            {
                var m = new Mark { Length = _sb.Length, LastSpace = _lastSpace, LastBreak = _lastBreak, Pending = _pending };
                Flush();
                _sb.Append(tag);
                _lastSpace = false;
                _lastBreak = false;
                m.AfterOpen = _sb.Length;
                return m;
            }

            /// <summary>Closes the element opened at <paramref name="m"/>; false (and the open tag removed) if it was empty.</summary>
            public bool Close(Mark m, string tag)
            {
                if (_sb.Length == m.AfterOpen)
                {
                    _sb.Length = m.Length;
                    _lastSpace = m.LastSpace;
                    _lastBreak = m.LastBreak;
                    _pending |= m.Pending;
                    return false;
                }

                _sb.Append(tag);
                _lastSpace = false;
                _lastBreak = false;
                return true;
            }

            public void Raw(string markup)
            {
                Flush();
                _sb.Append(markup);
                _lastSpace = false;
                _lastBreak = false;
            }

            public string Finish()
            {
                while (true)
                {
                    int len = _sb.Length;
                    if (len > 0 && _sb[len - 1] == ' ')
                    {
                        _sb.Length = len - 1;
                    }
                    else if (len >= 5 && _sb[len - 1] == '>' && _sb[len - 2] == '/' && _sb[len - 3] == 'r' && _sb[len - 4] == 'b' &&
                             _sb[len - 5] == '<')
                    {
                        _sb.Length = len - 5;
                    }
                    else
                    {
                        break;
                    }
                }

                return _sb.ToString();
            }
        }

        /// <summary>Renders the tree as XML doc content lines.</summary>
        private static class Xml
        {
            private sealed class Piece
            {
                public string? Para { get; set; }

                public List<string>? Lines { get; set; }
            }

            public static void RenderFlow(Node container, List<string> lines, bool bareSingle, int depth)
            {
                RenderBlocks(Flatten(container), lines, bareSingle, depth);
            }

            private static void RenderBlocks(List<Node> blocks, List<string> lines, bool bareSingle, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return;
                }

                var pieces = new List<Piece>();
                foreach (Node b in blocks)
                {
                    switch (b.Kind)
                    {
                        case K.Para:
                            string s = RenderPara(b, depth);
                            if (s.Length > 0)
                            {
                                pieces.Add(new Piece { Para = s });
                            }

                            break;
                        case K.CodeBlock:
                        case K.List:
                        case K.Table:
                        case K.Note:
                            var sub = new List<string>();
                            switch (b.Kind)
                            {
                                case K.CodeBlock:
                                    RenderCode(b, sub);
                                    break;
                                case K.List:
                                    RenderList(b, sub, depth + 1);
                                    break;
                                case K.Table:
                                    RenderTable(b, sub, depth + 1);
                                    break;
                                default:
                                    RenderNote(b, sub, depth + 1);
                                    break;
                            }

                            if (sub.Count > 0)
                            {
                                pieces.Add(new Piece { Lines = sub });
                            }

                            break;
                    }
                }

                if (bareSingle && pieces.Count == 1 && pieces[0].Para != null)
                {
                    lines.Add(pieces[0].Para!);
                    return;
                }

                foreach (Piece p in pieces)
                {
                    if (p.Para != null)
                    {
                        lines.Add("<para>" + p.Para + "</para>");
                    }
                    else
                    {
                        lines.AddRange(p.Lines!);
                    }
                }
            }

            public static string RenderPara(Node para, int depth)
            {
                var w = new InlineWriter();
                RenderInline(para, w, depth);
                return w.Finish();
            }

            private static void RenderInline(Node n, InlineWriter w, int depth)
            {
                if (n.Children is null || depth > MaxRenderDepth)
                {
                    return;
                }

                foreach (Node child in n.Children)
                {
                    switch (child.Kind)
                    {
                        case K.Text:
                            w.Text(child.Text);
                            break;
                        case K.Break:
                            w.Break();
                            break;
                        case K.Bold:
                        case K.Italic:
                        case K.Code:
                            string name = child.Kind == K.Bold ? "b" : child.Kind == K.Italic ? "i" : "c";
                            InlineWriter.Mark m = w.Open("<" + name + ">");
                            RenderInline(child, w, depth + 1);
                            w.Close(m, "</" + name + ">");
                            break;
                        case K.Link:
                            if (child.Str is null)
                            {
                                RenderInline(child, w, depth + 1);
                            }
                            else
                            {
                                string href = EscapeAttribute(child.Str);
                                InlineWriter.Mark lm = w.Open("<see href=\"" + href + "\">");
                                RenderInline(child, w, depth + 1);
                                if (!w.Close(lm, "</see>"))
                                {
                                    w.Raw("<see href=\"" + href + "\"/>");
                                }
                            }

                            break;
                        default:
                            RenderInline(child, w, depth + 1);
                            break;
                    }
                }
            }

            private static void RenderCode(Node code, List<string> lines)
            {
                string[] raw = (code.Str ?? "").Split('\n');
                var body = new List<string>(raw.Length);
                foreach (string line in raw)
                {
                    var sb = new StringBuilder(line.Length);
                    for (int i = 0; i < line.Length; i++)
                    {
                        char c = line[i];
                        if (c == '\t')
                        {
                            sb.Append("    ");
                        }
                        else if (char.IsWhiteSpace(c))
                        {
                            sb.Append(' ');
                        }
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
                            {
                                sb.Append(c).Append(line[i + 1]);
                                i++;
                            }
                            else
                            {
                                sb.Append('\uFFFD');
                            }
                        }
                        else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                        {
                            sb.Append('\uFFFD');
                        }
                        else if (!IsDropped(c))
                        {
                            AppendEscaped(sb, c);
                        }
                    }

                    body.Add(sb.ToString().TrimEnd(' '));
                }

                int start = 0;
                while (start < body.Count && body[start].Length == 0)
                {
                    start++;
                }

                int end = body.Count;
                while (end > start && body[end - 1].Length == 0)
                {
                    end--;
                }

                if (end == start)
                {
                    return;
                }

                lines.Add("<code>");
                for (int i = start; i < end; i++)
                {
                    lines.Add(body[i]);
                }

                lines.Add("</code>");
            }

            private static void RenderList(Node list, List<string> lines, int depth)
            {
                var items = new List<string>();
                List<Node>? children = list.Children;
                for (int ci = 0; children != null && ci < children.Count; ci++)
                {
                    Node child = children[ci];
                    if (child.Kind == K.Item && child.Tag == TagKind.Dt && ci + 1 < children.Count && children[ci + 1].Kind == K.Item &&
                        children[ci + 1].Tag == TagKind.Dd)
                    {
                        // <dt>term</dt><dd>definition</dd>: one item with a term.
                        string term = RenderFlat(child, depth + 1);
                        string definition = RenderFlat(children[ci + 1], depth + 1);
                        if (term.Length > 0 || definition.Length > 0)
                        {
                            items.Add("<item><term>" + term + "</term><description>" + definition + "</description></item>");
                        }

                        ci++;
                        continue;
                    }

                    var sub = new List<string>();
                    RenderBlocks(ItemBlocks(child), sub, bareSingle: true, depth + 1);
                    if (sub.Count == 1)
                    {
                        items.Add("<item><description>" + sub[0] + "</description></item>");
                    }
                    else if (sub.Count > 1)
                    {
                        items.Add("<item><description>");
                        items.AddRange(sub);
                        items.Add("</description></item>");
                    }
                }

                if (items.Count == 0)
                {
                    return;
                }

                lines.Add(list.Flag ? "<list type=\"number\">" : "<list type=\"bullet\">");
                lines.AddRange(items);
                lines.Add("</list>");
            }

            /// <summary>The blocks of a list item, table row or cell; anything else found there counts as one block.</summary>
            private static List<Node> ItemBlocks(Node child)
            {
                if (child.Kind == K.Item || child.Kind == K.Cell || child.Kind == K.Row || child.Kind == K.Group || child.Kind == K.Root)
                {
                    return Flatten(child);
                }

                return new List<Node> { child };
            }

            private static void RenderNote(Node note, List<string> lines, int depth)
            {
                List<Node> blocks = Flatten(note);
                string label = NoteLabel(note, blocks);
                var w = new InlineWriter();
                InlineWriter.Mark m = w.Open("<b>");
                w.Text(label + ":");
                w.Close(m, "</b>");
                string head = w.Finish();

                int first = 0;
                string? firstPara = null;
                while (first < blocks.Count && blocks[first].Kind == K.Para)
                {
                    string s = RenderPara(blocks[first], depth);
                    first++;
                    if (s.Length > 0)
                    {
                        firstPara = s;
                        break;
                    }
                }

                var rest = new List<string>();
                RenderBlocks(blocks.GetRange(first, blocks.Count - first), rest, bareSingle: false, depth + 1);
                if (firstPara != null)
                {
                    lines.Add("<para>" + head + " " + firstPara + "</para>");
                }
                else if (rest.Count > 0)
                {
                    lines.Add("<para>" + head + "</para>");
                }

                lines.AddRange(rest);
            }

            private static void RenderTable(Node table, List<string> lines, int depth)
            {
                var rows = new List<List<string>>();
                var headerRows = new List<bool>();
                if (table.Children != null)
                {
                    foreach (Node row in table.Children)
                    {
                        var cells = new List<string>();
                        bool header = true;
                        if (row.Kind == K.Row && row.Children != null)
                        {
                            foreach (Node cell in row.Children)
                            {
                                cells.Add(RenderFlat(cell, depth + 1));
                                header &= cell.Kind == K.Cell && cell.Flag;
                            }
                        }
                        else if (row.Kind != K.Row)
                        {
                            cells.Add(RenderFlat(row, depth + 1));
                            header = false;
                        }

                        bool any = false;
                        foreach (string c in cells)
                        {
                            any |= c.Length > 0;
                        }

                        if (any)
                        {
                            rows.Add(cells);
                            headerRows.Add(header);
                        }
                    }
                }

                if (rows.Count == 0)
                {
                    return;
                }

                int columns = 0;
                foreach (List<string> r in rows)
                {
                    columns = Math.Max(columns, r.Count);
                }

                if (columns == 2)
                {
                    lines.Add("<list type=\"table\">");
                    for (int i = 0; i < rows.Count; i++)
                    {
                        List<string> r = rows[i];
                        string element = i == 0 && headerRows[0] ? "listheader" : "item";
                        string body = r.Count == 2
                            ? "<term>" + r[0] + "</term><description>" + r[1] + "</description>"
                            : "<description>" + r[0] + "</description>";
                        lines.Add("<" + element + ">" + body + "</" + element + ">");
                    }

                    lines.Add("</list>");
                    return;
                }

                foreach (List<string> r in rows)
                {
                    var sb = new StringBuilder();
                    for (int c = 0; c < r.Count; c++)
                    {
                        if (c > 0)
                        {
                            sb.Append(" |");
                        }

                        if (r[c].Length > 0)
                        {
                            if (sb.Length > 0)
                            {
                                sb.Append(' ');
                            }

                            sb.Append(r[c]);
                        }
                    }

                    lines.Add("<para>" + sb + "</para>");
                }
            }

            /// <summary>A container rendered on one line: paragraphs joined by spaces, list items by ", ".</summary>
            private static string RenderFlat(Node container, int depth) => RenderFlatBlocks(ItemBlocks(container), depth);

            private static string RenderFlatBlocks(List<Node> blocks, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return "";
                }

                var parts = new List<string>();
                foreach (Node b in blocks)
                {
                    string s;
                    switch (b.Kind)
                    {
                        case K.Para:
                            s = RenderPara(b, depth);
                            break;
                        case K.List:
                            var items = new List<string>();
                            if (b.Children != null)
                            {
                                foreach (Node item in b.Children)
                                {
                                    string flat = RenderFlat(item, depth + 1);
                                    if (flat.Length > 0)
                                    {
                                        items.Add(flat);
                                    }
                                }
                            }

                            s = string.Join(", ", items);
                            break;
                        case K.Table:
                            var rows = new List<string>();
                            if (b.Children != null)
                            {
                                foreach (Node row in b.Children)
                                {
                                    var cells = new List<string>();
                                    foreach (Node cell in ItemBlocks(row))
                                    {
                                        cells.Add(RenderFlat(cell, depth + 1));
                                    }

                                    string joined = string.Join(" | ", cells).Trim();
                                    if (joined.Length > 0)
                                    {
                                        rows.Add(joined);
                                    }
                                }
                            }

                            s = string.Join("; ", rows);
                            break;
                        case K.CodeBlock:
                            var cw = new InlineWriter();
                            InlineWriter.Mark m = cw.Open("<c>");
                            cw.Text(b.Str ?? "");
                            cw.Close(m, "</c>");
                            s = cw.Finish();
                            break;
                        case K.Note:
                            List<Node> noteBlocks = Flatten(b);
                            string label = NoteLabel(b, noteBlocks);
                            string content = RenderFlatBlocks(noteBlocks, depth + 1);
                            var lw = new InlineWriter();
                            InlineWriter.Mark lm = lw.Open("<b>");
                            lw.Text(label + ":");
                            lw.Close(lm, "</b>");
                            s = content.Length > 0 ? lw.Finish() + " " + content : "";
                            break;
                        default:
                            s = "";
                            break;
                    }

                    if (s.Length > 0)
                    {
                        parts.Add(s);
                    }
                }

                return string.Join(" ", parts);
            }
        }
    }
}
