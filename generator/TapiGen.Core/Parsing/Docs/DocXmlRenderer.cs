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
        public static List<string> Render(DocNode root) => Blocks(Flatten(root), bareSingle: true);

        /// <summary>The blocks of a container, with transparent groups (and misplaced items, rows and cells) spliced in.</summary>
        public static List<DocNode> Flatten(DocNode container) => container.Children.SelectMany(ItemBlocks).ToList();

        /// <summary>The blocks of a list item, table row or cell; anything else found there counts as one block.</summary>
        private static List<DocNode> ItemBlocks(DocNode n) =>
            n.Kind is DocKind.Item or DocKind.Cell or DocKind.Row or DocKind.Group or DocKind.Root ? Flatten(n) : new List<DocNode> { n };

        private static List<string> Blocks(List<DocNode> blocks, bool bareSingle)
        {
            // Each block's lines; a paragraph is marked, until we know whether it stands alone.
            var pieces = new List<(bool Para, List<string> Lines)>();
            foreach (DocNode b in blocks)
            {
                List<string> lines = b.Kind switch
                {
                    DocKind.Para => Inline(b) is string para && para.Length > 0 ? new List<string> { para } : new List<string>(),
                    DocKind.CodeBlock => Code(b),
                    DocKind.List => List(b),
                    DocKind.Table => Table(b),
                    DocKind.Note => Note(b),
                    _ => new List<string>(),
                };
                if (lines.Count > 0)
                {
                    pieces.Add((b.Kind == DocKind.Para, lines));
                }
            }

            if (bareSingle && pieces.Count == 1 && pieces[0].Para)
            {
                return pieces[0].Lines;
            }

            return pieces.SelectMany(p => p.Para ? new List<string> { "<para>" + p.Lines[0] + "</para>" } : p.Lines).ToList();
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
                string? see = child.Kind == DocKind.Link && child.Text != null ? "<see href=\"" + DocChars.EscapeAttribute(child.Text) + "\"" : null;
                if (child.Kind == DocKind.Text)
                {
                    w.Text(child.Text!);
                }
                else if (child.Kind == DocKind.Break)
                {
                    w.Break();
                }
                else if (element != null || see != null)
                {
                    // An empty link still shows its target.
                    DocWriter.Mark m = w.Open(see != null ? see + ">" : "<" + element + ">");
                    Inline(child, w);
                    if (!w.Close(m, see != null ? "</see>" : "</" + element + ">") && see != null)
                    {
                        w.Raw(see + "/>");
                    }
                }
                else
                {
                    Inline(child, w);
                }
            }
        }

        private static List<string> Code(DocNode code)
        {
            var body = new List<string>();
            foreach (string line in (code.Text ?? "").Split('\n'))
            {
                var sb = new StringBuilder(line.Length);
                for (int i = 0; i < line.Length;)
                {
                    if (char.IsWhiteSpace(line[i]))
                    {
                        sb.Append(line[i++] == '\t' ? "    " : " ");
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
            return start < 0 ? new List<string>() : new[] { "<code>" }.Concat(body.GetRange(start, end - start + 1)).Concat(new[] { "</code>" }).ToList();
        }

        private static List<string> List(DocNode list)
        {
            var items = new List<string>();
            List<DocNode> children = list.Children;
            for (int i = 0; i < children.Count; i++)
            {
                if (children[i].Tag == "dt" && i + 1 < children.Count && children[i + 1].Tag == "dd")
                {
                    // <dt>term</dt><dd>definition</dd>: one item with a term.
                    string term = Flat(children[i]);
                    string definition = Flat(children[++i]);
                    if (term.Length > 0 || definition.Length > 0)
                    {
                        items.Add("<item><term>" + term + "</term><description>" + definition + "</description></item>");
                    }

                    continue;
                }

                List<string> sub = Blocks(ItemBlocks(children[i]), bareSingle: true);
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

            return items.Count == 0 ? items : new[] { list.Flag ? "<list type=\"number\">" : "<list type=\"bullet\">" }.Concat(items).Concat(new[] { "</list>" }).ToList();
        }

        /// <summary>A note: its label in bold, then its first paragraph, in one paragraph; its other blocks follow.</summary>
        private static List<string> Note(DocNode note)
        {
            string label = Label(note.NoteLabel());
            List<DocNode> blocks = Flatten(note);
            int first = 0;
            string firstPara = "";
            while (firstPara.Length == 0 && first < blocks.Count && blocks[first].Kind == DocKind.Para)
            {
                firstPara = Inline(blocks[first++]);
            }

            List<string> rest = Blocks(blocks.GetRange(first, blocks.Count - first), bareSingle: false);
            if (firstPara.Length > 0 || rest.Count > 0)
            {
                rest.Insert(0, "<para>" + label + (firstPara.Length > 0 ? " " + firstPara : "") + "</para>");
            }

            return rest;
        }

        private static string Label(string label) => "<b>" + DocWriter.Line(label + ":", xml: true) + "</b>";

        private static List<string> Table(DocNode table)
        {
            var rows = new List<(List<string> Cells, bool Header)>();
            foreach (DocNode row in table.Children)
            {
                List<DocNode> cells = row.Kind == DocKind.Row ? row.Children : new List<DocNode> { row };
                List<string> texts = cells.Select(Flat).ToList();
                if (texts.Any(t => t.Length > 0))
                {
                    rows.Add((texts, row.Kind == DocKind.Row && cells.All(c => c.Kind == DocKind.Cell && c.Flag)));
                }
            }

            if (rows.Count > 0 && rows.Max(r => r.Cells.Count) == 2)
            {
                var lines = new List<string> { "<list type=\"table\">" };
                for (int i = 0; i < rows.Count; i++)
                {
                    List<string> r = rows[i].Cells;
                    string element = i == 0 && rows[0].Header ? "listheader" : "item";
                    string body = r.Count == 2 ? "<term>" + r[0] + "</term><description>" + r[1] + "</description>" : "<description>" + r[0] + "</description>";
                    lines.Add("<" + element + ">" + body + "</" + element + ">");
                }

                lines.Add("</list>");
                return lines;
            }

            return rows.Select(r => "<para>" + string.Join(" |", r.Cells.Select((c, i) => i > 0 && c.Length > 0 ? " " + c : c)) + "</para>").ToList();
        }

        /// <summary>A container rendered on one line: paragraphs joined by spaces, list items by ", ", table rows by "; ".</summary>
        private static string Flat(DocNode container) => FlatBlocks(ItemBlocks(container));

        private static string FlatBlocks(List<DocNode> blocks)
        {
            IEnumerable<string> parts = blocks.Select(b => b.Kind switch
            {
                DocKind.Para => Inline(b),
                DocKind.List => string.Join(", ", b.Children.Select(Flat).Where(s => s.Length > 0)),
                DocKind.Table => string.Join("; ", b.Children.Select(row => string.Join(" | ", ItemBlocks(row).Select(Flat)).Trim()).Where(s => s.Length > 0)),
                DocKind.CodeBlock => InlineCode(b.Text ?? ""),
                DocKind.Note => Label(b.NoteLabel()) is string label && FlatBlocks(Flatten(b)) is string s && s.Length > 0 ? label + " " + s : "",
                _ => "",
            });
            return string.Join(" ", parts.Where(s => s.Length > 0));
        }

        private static string InlineCode(string code) => DocWriter.Line(code, xml: true) is string c && c.Length > 0 ? "<c>" + c + "</c>" : "";
    }
}
