using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Renders the document tree as XML doc content lines. A single paragraph is bare text; otherwise paragraphs become
    /// <c>&lt;para&gt;</c>, lists <c>&lt;list&gt;</c> (a <c>&lt;dt&gt;</c> followed by a <c>&lt;dd&gt;</c> is one item
    /// with a <c>&lt;term&gt;</c>), code blocks <c>&lt;code&gt;</c>, notes a paragraph that starts with the label in
    /// bold. Two-column tables become <c>&lt;list type="table"&gt;</c> (a first row of <c>&lt;th&gt;</c> cells is the
    /// <c>&lt;listheader&gt;</c>); other tables one paragraph per row, the cells joined by " | " (empty cells kept, so
    /// columns stay in place). Table cells are flattened to one line, list items in a cell joined by ", ".
    /// </summary>
    internal static class DocXmlRenderer
    {
        public static List<string> Render(DocNode root)
        {
            var lines = new List<string>();
            Blocks(Flatten(root), lines, bareSingle: true);
            return lines;
        }

        /// <summary>The blocks of a container, with transparent groups (and misplaced items, rows and cells) spliced in.</summary>
        public static List<DocNode> Flatten(DocNode container)
        {
            var blocks = new List<DocNode>();
            FlattenInto(container, blocks);
            return blocks;
        }

        private static void FlattenInto(DocNode container, List<DocNode> blocks)
        {
            foreach (DocNode child in container.Children)
            {
                if (child.Kind is DocKind.Group or DocKind.Root or DocKind.Item or DocKind.Row or DocKind.Cell)
                {
                    FlattenInto(child, blocks);
                }
                else
                {
                    blocks.Add(child);
                }
            }
        }

        /// <summary>The blocks of a list item, table row or cell; anything else found there counts as one block.</summary>
        private static List<DocNode> ItemBlocks(DocNode child) =>
            child.Kind is DocKind.Item or DocKind.Cell or DocKind.Row or DocKind.Group or DocKind.Root ? Flatten(child) : new List<DocNode> { child };

        private static void Blocks(List<DocNode> blocks, List<string> lines, bool bareSingle)
        {
            // Each block's lines; a paragraph's single line is kept apart until we know whether it stands alone.
            var pieces = new List<(string? Para, List<string>? Lines)>();
            foreach (DocNode b in blocks)
            {
                var sub = new List<string>();
                switch (b.Kind)
                {
                    case DocKind.Para:
                        string para = Inline(b);
                        pieces.Add((para.Length > 0 ? para : null, null));
                        continue;
                    case DocKind.CodeBlock:
                        Code(b, sub);
                        break;
                    case DocKind.List:
                        List(b, sub);
                        break;
                    case DocKind.Table:
                        Table(b, sub);
                        break;
                    case DocKind.Note:
                        Note(b, sub);
                        break;
                }

                pieces.Add((null, sub));
            }

            pieces.RemoveAll(p => p.Para is null && (p.Lines is null || p.Lines.Count == 0));
            if (bareSingle && pieces.Count == 1 && pieces[0].Para != null)
            {
                lines.Add(pieces[0].Para!);
                return;
            }

            foreach ((string? para, List<string>? sub) in pieces)
            {
                if (para != null)
                {
                    lines.Add("<para>" + para + "</para>");
                }
                else
                {
                    lines.AddRange(sub!);
                }
            }
        }

        public static string Inline(DocNode para)
        {
            var w = new DocWriter(xml: true);
            Inline(para, w);
            return w.Finish();
        }

        private static void Inline(DocNode n, DocWriter w)
        {
            foreach (DocNode child in n.Children)
            {
                string? element = child.Kind switch { DocKind.Bold => "b", DocKind.Italic => "i", DocKind.Code => "c", _ => null };
                if (child.Kind == DocKind.Text)
                {
                    w.Text(child.Text!);
                }
                else if (child.Kind == DocKind.Break)
                {
                    w.Break();
                }
                else if (element != null)
                {
                    DocWriter.Mark m = w.Open("<" + element + ">");
                    Inline(child, w);
                    w.Close(m, "</" + element + ">");
                }
                else if (child.Kind == DocKind.Link && child.Text != null)
                {
                    string open = "<see href=\"" + DocChars.EscapeAttribute(child.Text) + "\"";
                    DocWriter.Mark m = w.Open(open + ">");
                    Inline(child, w);
                    if (!w.Close(m, "</see>"))
                    {
                        w.Raw(open + "/>");
                    }
                }
                else
                {
                    Inline(child, w);
                }
            }
        }

        private static void Code(DocNode code, List<string> lines)
        {
            var body = new List<string>();
            foreach (string line in (code.Text ?? "").Split('\n'))
            {
                var sb = new StringBuilder(line.Length);
                for (int i = 0; i < line.Length;)
                {
                    if (char.IsWhiteSpace(line[i]))
                    {
                        sb.Append(line[i] == '\t' ? "    " : " ");
                        i++;
                    }
                    else
                    {
                        i += DocChars.AppendChar(sb, line, i, xml: true);
                    }
                }

                body.Add(sb.ToString().TrimEnd(' '));
            }

            int start = body.FindIndex(l => l.Length > 0);
            int end = body.FindLastIndex(l => l.Length > 0);
            if (start >= 0)
            {
                lines.Add("<code>");
                lines.AddRange(body.GetRange(start, end - start + 1));
                lines.Add("</code>");
            }
        }

        private static void List(DocNode list, List<string> lines)
        {
            var items = new List<string>();
            List<DocNode> children = list.Children;
            for (int i = 0; i < children.Count; i++)
            {
                DocNode child = children[i];
                if (child.Tag == "dt" && i + 1 < children.Count && children[i + 1].Tag == "dd")
                {
                    // <dt>term</dt><dd>definition</dd>: one item with a term.
                    string term = Flat(child);
                    string definition = Flat(children[++i]);
                    if (term.Length > 0 || definition.Length > 0)
                    {
                        items.Add("<item><term>" + term + "</term><description>" + definition + "</description></item>");
                    }

                    continue;
                }

                var sub = new List<string>();
                Blocks(ItemBlocks(child), sub, bareSingle: true);
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

            if (items.Count > 0)
            {
                lines.Add(list.Flag ? "<list type=\"number\">" : "<list type=\"bullet\">");
                lines.AddRange(items);
                lines.Add("</list>");
            }
        }

        /// <summary>A note: its label in bold, then its first paragraph, in one paragraph; its other blocks follow.</summary>
        private static void Note(DocNode note, List<string> lines)
        {
            string label = note.NoteLabel();
            List<DocNode> blocks = Flatten(note);
            int first = 0;
            string? firstPara = null;
            while (firstPara is null && first < blocks.Count && blocks[first].Kind == DocKind.Para)
            {
                string s = Inline(blocks[first++]);
                firstPara = s.Length > 0 ? s : null;
            }

            var rest = new List<string>();
            Blocks(blocks.GetRange(first, blocks.Count - first), rest, bareSingle: false);
            if (firstPara != null || rest.Count > 0)
            {
                lines.Add("<para>" + Label(label) + (firstPara is null ? "" : " " + firstPara) + "</para>");
            }

            lines.AddRange(rest);
        }

        private static string Label(string label)
        {
            var w = new DocWriter(xml: true);
            w.Raw("<b>");
            w.Text(label + ":");
            w.Raw("</b>");
            return w.Finish();
        }

        private static void Table(DocNode table, List<string> lines)
        {
            var rows = new List<(List<string> Cells, bool Header)>();
            foreach (DocNode row in table.Children)
            {
                List<DocNode> cells = row.Kind == DocKind.Row ? row.Children : new List<DocNode> { row };
                var texts = cells.Select(Flat).ToList();
                if (texts.Any(t => t.Length > 0))
                {
                    rows.Add((texts, row.Kind == DocKind.Row && cells.All(c => c.Kind == DocKind.Cell && c.Flag)));
                }
            }

            if (rows.Count > 0 && rows.Max(r => r.Cells.Count) == 2)
            {
                lines.Add("<list type=\"table\">");
                for (int i = 0; i < rows.Count; i++)
                {
                    List<string> r = rows[i].Cells;
                    string element = i == 0 && rows[0].Header ? "listheader" : "item";
                    string body = r.Count == 2 ? "<term>" + r[0] + "</term><description>" + r[1] + "</description>" : "<description>" + r[0] + "</description>";
                    lines.Add("<" + element + ">" + body + "</" + element + ">");
                }

                lines.Add("</list>");
                return;
            }

            foreach ((List<string> cells, _) in rows)
            {
                var sb = new StringBuilder();
                for (int c = 0; c < cells.Count; c++)
                {
                    sb.Append(c > 0 ? " |" : "").Append(cells[c].Length > 0 && sb.Length > 0 ? " " : "").Append(cells[c]);
                }

                lines.Add("<para>" + sb + "</para>");
            }
        }

        /// <summary>A container rendered on one line: paragraphs joined by spaces, list items by ", ", table rows by "; ".</summary>
        private static string Flat(DocNode container) => FlatBlocks(ItemBlocks(container));

        private static string FlatBlocks(List<DocNode> blocks)
        {
            var parts = new List<string>();
            foreach (DocNode b in blocks)
            {
                parts.Add(b.Kind switch
                {
                    DocKind.Para => Inline(b),
                    DocKind.List => string.Join(", ", b.Children.Select(Flat).Where(s => s.Length > 0)),
                    DocKind.Table => string.Join("; ", b.Children.Select(row => string.Join(" | ", ItemBlocks(row).Select(Flat)).Trim()).Where(s => s.Length > 0)),
                    DocKind.CodeBlock => Inline(new DocNode(DocKind.Para) { Children = { new DocNode(DocKind.Code) { Children = { new DocNode(DocKind.Text) { Text = b.Text } } } } }),
                    DocKind.Note => FlatNote(b),
                    _ => "",
                });
            }

            return string.Join(" ", parts.Where(s => s.Length > 0));
        }

        private static string FlatNote(DocNode note)
        {
            string label = Label(note.NoteLabel());
            string content = FlatBlocks(Flatten(note));
            return content.Length > 0 ? label + " " + content : "";
        }
    }
}
