using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Finds the Markdown block structure of a doc text: paragraphs separated by blank lines, fenced code, ATX
    /// headings, <c>&gt;</c> quotes and <c>[!NOTE]</c> alerts, <c>-</c>/<c>*</c>/<c>+</c>/<c>1.</c> lists, and HTML
    /// blocks (a line starting with a block tag, up to the next blank line), whose text gets no Markdown processing.
    /// </summary>
    /// <remarks>
    /// Not recognised, on purpose: indented code and hard line breaks (sdk-api pages are full of accidental
    /// indentation and trailing spaces), and Setext headings, pipe tables and HTML comment blocks, which they do not use.
    /// </remarks>
    internal sealed class DocBlockScanner
    {
        /// <summary>Deeper lists and quotes are read as paragraph text.</summary>
        private const int MaxDepth = 16;

        /// <summary>The tags that start an HTML block (CommonMark's type 6, less the ones no page could use).</summary>
        private static readonly HashSet<string> BlockTags = new HashSet<string>(StringComparer.Ordinal)
        {
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
            "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
            "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        };

        /// <summary>What a line starts (at most three spaces in): a fence, a heading, a quote, an HTML tag or a list item.</summary>
        private static readonly Regex BlockStart = new Regex(
            @"\G {0,3}(?:(?<fence>`{3,}(?!.*`)|~{3,})|(?<heading>#{1,6})(?:\s|$)|(?<quote>>)|<(?<html>/?[A-Za-z][A-Za-z0-9]*)(?=\s|/?>|$)|" +
            @"(?<item>[-*+]|(?<number>[0-9]{1,9})[.)])(?=[ \t]|$))",
            RegexOptions.CultureInvariant);

        private readonly DocTreeBuilder _tree = new DocTreeBuilder();
        private readonly DocInlineScanner _inline;

        private DocBlockScanner()
        {
            _inline = new DocInlineScanner(_tree);
        }

        private enum Start : byte
        {
            None,
            Blank,
            Fence,
            Heading,
            Quote,
            Item,
            Html,
        }

        public static DocNode Parse(string text)
        {
            // One kind of line break; the other C# line terminators are spaces, BOMs go.
            string normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', ' ').Replace('\u2028', ' ')
                .Replace('\u2029', ' ').Replace("\uFEFF", "");
            var scanner = new DocBlockScanner();
            scanner.Blocks(normalized.Split('\n').Select(l => new Line(l, 0)).ToList(), 0);
            return scanner._tree.Root;
        }

        private void Blocks(List<Line> lines, int depth)
        {
            for (int i = 0; i < lines.Count;)
            {
                Start start = lines[i].IsBlank ? Start.Blank : Classify(lines[i], depth, interrupting: false);
                i = start switch
                {
                    Start.Fence => Fence(lines, i),
                    Start.Heading => Heading(lines, i),
                    Start.Quote => Quote(lines, i, depth),
                    Start.Item => List(lines, i, depth),
                    _ => Text(lines, i, depth, start),
                };
            }
        }

        /// <summary>
        /// A paragraph, which ends where another block starts, or an HTML block, which runs to the next blank line; a
        /// blank line ends the open paragraph.
        /// </summary>
        private int Text(List<Line> lines, int i, int depth, Start start)
        {
            int end = start == Start.Blank ? i : i + 1;
            while (end < lines.Count && !lines[end].IsBlank && (start == Start.Html || Classify(lines[end], depth, interrupting: true) == Start.None))
            {
                end++;
            }

            _tree.EndParagraph();
            _inline.Run(string.Join("\n", lines.GetRange(i, end - i).Select(l => l.Rest)), markdown: start != Start.Html);
            _tree.EndParagraph();
            return Math.Max(end, i + 1);
        }

        /// <summary>A heading becomes a paragraph in bold.</summary>
        private int Heading(List<Line> lines, int i)
        {
            string heading = lines[i].Rest.Trim().TrimStart('#').Trim();
            string unclosed = heading.TrimEnd('#');
            _tree.OpenInline(DocKind.Para);
            _tree.OpenInline(DocKind.Bold);
            _inline.Run(unclosed.Length == 0 || char.IsWhiteSpace(unclosed[unclosed.Length - 1]) ? unclosed.TrimEnd() : heading, markdown: true);
            _tree.EndParagraph();
            return i + 1;
        }

        /// <summary>
        /// What block the line starts; only HTML blocks when nested too deep. A list item interrupts a paragraph only
        /// if it has text and, numbered, starts at 1.
        /// </summary>
        private static Start Classify(Line line, int depth, bool interrupting)
        {
            Match m = BlockStart.Match(line.Text, line.Start);
            if (m.Groups["html"].Success)
            {
                return BlockTags.Contains(m.Groups["html"].Value.TrimStart('/').ToLowerInvariant()) ? Start.Html : Start.None;
            }

            bool item = ItemMarker(line, out bool ordered, out int content, out _) &&
                        (!interrupting || (!DocChars.IsAllWhite(line.Text, content) && (!ordered || m.Groups["number"].Value == "1")));
            return !m.Success || depth >= MaxDepth ? Start.None :
                m.Groups["fence"].Success ? Start.Fence :
                m.Groups["heading"].Success ? Start.Heading :
                m.Groups["quote"].Success ? Start.Quote :
                item ? Start.Item : Start.None;
        }

        /// <summary>How many times <paramref name="c"/> repeats from <paramref name="p"/> on (a block start is near the line's start).</summary>
        private static int Run(string t, int p, char c) => t.Skip(p).TakeWhile(x => x == c).Count();

        /// <summary>
        /// A list item marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>) and the item's content: where it
        /// starts on this line and how far later lines must be indented to belong to the item.
        /// </summary>
        private static bool ItemMarker(Line line, out bool ordered, out int content, out int width)
        {
            Match m = BlockStart.Match(line.Text, line.Start);
            ordered = m.Groups["number"].Success;
            int after = m.Index + m.Length;
            int spaces = Run(line.Text, after, ' ');
            content = after + spaces;
            width = after - line.Start + (spaces > 4 || content >= line.Text.Length ? 1 : spaces);
            return m.Groups["item"].Success;
        }

        /// <summary>Fenced code, up to a fence of the same kind at least as long, or to the end.</summary>
        private int Fence(List<Line> lines, int i)
        {
            Line open = lines[i];
            int p = open.Lead();
            char c = open.Text[p];
            int run = Run(open.Text, p, c);
            var code = new List<string>();
            for (i++; i < lines.Count; i++)
            {
                Line line = lines[i];
                int q = line.Lead();
                if (q >= 0 && Run(line.Text, q, c) is int closing && closing >= run && DocChars.IsAllWhite(line.Text, q + closing))
                {
                    i++;
                    break;
                }

                code.Add(line.Dedent(p - open.Start).Rest);
            }

            _tree.CodeBlock(string.Join("\n", code));
            return i;
        }

        /// <summary>A block quote; one that starts with <c>[!NOTE]</c> (or another word) is a note with that label.</summary>
        private int Quote(List<Line> lines, int i, int depth)
        {
            var content = new List<Line>();
            for (; i < lines.Count && lines[i].Lead() is int p && p >= 0 && lines[i].Text[p] == '>'; i++)
            {
                string t = lines[i].Text;
                content.Add(new Line(t, p + 1 < t.Length && (t[p + 1] == ' ' || t[p + 1] == '\t') ? p + 2 : p + 1));
            }

            string first = content[0].Rest.Trim();
            int close = first.IndexOf(']');
            string word = first.StartsWith("[!", StringComparison.Ordinal) && close > 2 && close <= 22 ? first.Substring(2, close - 2) : "";
            string? label = null;
            if (word.Length > 0 && word.All(DocChars.IsAsciiLetter))
            {
                label = char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
                content[0] = new Line(content[0].Text, content[0].Text.IndexOf(']', content[0].Start) + 1);
            }

            DocNode? quote = _tree.OpenMarkdown(label is null ? DocKind.Group : DocKind.Note, label: label);
            Blocks(content, depth + 1);
            _tree.Close(quote);
            return i;
        }

        /// <summary>
        /// A list: items of one kind (bullets or numbers). An item takes the lines indented to its content, and lines
        /// that continue its paragraph without a blank line before them.
        /// </summary>
        private int List(List<Line> lines, int i, int depth)
        {
            ItemMarker(lines[i], out bool ordered, out _, out _);
            DocNode? list = _tree.OpenMarkdown(DocKind.List, ordered);
            while (i < lines.Count && Classify(lines[i], depth, interrupting: false) == Start.Item &&
                   ItemMarker(lines[i], out bool sameKind, out int content, out int width) && sameKind == ordered)
            {
                var item = new List<Line> { new Line(lines[i].Text, content) };
                bool blank = false;
                for (i++; i < lines.Count; i++)
                {
                    Line line = lines[i];
                    bool indented = line.IndentedBy(width);
                    if (!line.IsBlank && !indented && (blank || Classify(line, depth, interrupting: false) != Start.None))
                    {
                        break;
                    }

                    blank = line.IsBlank;
                    item.Add(indented ? line.Dedent(width) : line);
                }

                DocNode? node = _tree.OpenMarkdown(DocKind.Item);
                Blocks(item, depth + 1);
                _tree.Close(node);
            }

            _tree.Close(list);
            return i;
        }

        /// <summary>A line, or what is left of it inside a container (from <see cref="Start"/> on).</summary>
        private readonly struct Line
        {
            public Line(string text, int start)
            {
                Text = text;
                Start = Math.Min(start, text.Length);
            }

            public string Text { get; }

            public int Start { get; }

            public string Rest => Text.Substring(Start);

            public bool IsBlank => DocChars.IsAllWhite(Text, Start);

            /// <summary>Where the block starts (at most three spaces in), or -1 for a line indented more or blank.</summary>
            public int Lead()
            {
                int p = Start;
                while (p < Text.Length && p - Start < 4 && Text[p] == ' ')
                {
                    p++;
                }

                return p - Start < 4 && p < Text.Length ? p : -1;
            }

            public bool IndentedBy(int columns) => Indent(columns).Columns >= columns;

            public Line Dedent(int columns) => new Line(Text, Indent(columns).End);

            /// <summary>The white space at the start, up to <paramref name="columns"/> columns (a tab counts four).</summary>
            private (int Columns, int End) Indent(int columns)
            {
                int column = 0;
                int p = Start;
                for (; p < Text.Length && column < columns && (Text[p] == ' ' || Text[p] == '\t'); p++)
                {
                    column += Text[p] == '\t' ? 4 : 1;
                }

                return (column, p);
            }
        }
    }
}
