using System;
using System.Collections.Generic;
using System.Linq;

namespace TapiGen.Generator.Parsing
{
    internal enum DocKind : byte
    {
        /// <summary>The whole text; like <see cref="Group"/>, its blocks are rendered as if they stood in its parent.</summary>
        Root,
        Para,
        Text,
        Bold,
        Italic,
        Code,
        Link,
        Break,
        CodeBlock,
        List,
        Item,
        Table,
        Row,
        Cell,
        Note,

        /// <summary>A container with no rendering of its own: a plain <c>&lt;div&gt;</c> or block quote.</summary>
        Group,
    }

    /// <summary>One node of the document tree the scanners build and the renderers print.</summary>
    internal sealed class DocNode
    {
        public DocNode(DocKind kind, string? tag = null, bool markdown = false)
        {
            Kind = kind;
            Tag = tag;
            FromMarkdown = markdown;
        }

        public DocKind Kind { get; }

        /// <summary>The HTML tag name that opened the node; null for implicit and Markdown nodes.</summary>
        public string? Tag { get; }

        /// <summary>A Markdown container (list, item, quote): HTML closing tags cannot close it.</summary>
        public bool FromMarkdown { get; }

        public List<DocNode> Children { get; } = new List<DocNode>();

        /// <summary>Text: its text; Link: the absolute href, or null for text only; Note: the label; CodeBlock: the code.</summary>
        public string? Text { get; set; }

        /// <summary>List: numbered; Cell: a header cell.</summary>
        public bool Flag { get; set; }

        /// <summary>Text, line breaks, bold, italic, code and links live inside a paragraph; everything else is a block.</summary>
        public bool IsInline => Kind >= DocKind.Text && Kind <= DocKind.Break;

        /// <summary>
        /// The label of a note ("Note", "Important"...). An HTML alert gives it as <c>&lt;b&gt;Label&lt;/b&gt;</c> at its
        /// start, which is then taken out of the text (once: the result is kept).
        /// </summary>
        public string NoteLabel()
        {
            if (Text is null)
            {
                Text = "Note";
                List<DocNode> kids = FirstBlock(this, 0) is DocNode { Kind: DocKind.Para } para ? para.Children : new List<DocNode>();
                int k = kids.FindIndex(n => !(n.Kind == DocKind.Text && DocChars.IsAllWhite(n.Text!)));
                if (k >= 0 && kids[k].Kind == DocKind.Bold && LabelText(kids[k]) is string label)
                {
                    Text = label;
                    kids.RemoveRange(0, k + 1);
                    string rest = kids.Count > 0 && kids[0].Kind == DocKind.Text ? kids[0].Text!.TrimStart() : "";
                    if (rest.StartsWith(":", StringComparison.Ordinal))
                    {
                        kids[0].Text = rest.Substring(1);
                    }
                }
            }

            return Text;
        }

        /// <summary>The first block of a container, looking through transparent groups.</summary>
        private static DocNode? FirstBlock(DocNode container, int depth)
        {
            DocNode? first = container.Children.Count > 0 ? container.Children[0] : null;
            return first != null && first.Kind == DocKind.Group && depth < 8 ? FirstBlock(first, depth + 1) : first;
        }

        /// <summary>A bold text that reads like a label: letters and spaces only, maybe a colon, at most 40 characters.</summary>
        private static string? LabelText(DocNode bold)
        {
            // Anything but text in the bold (a "\0" here) means it is no label.
            string s = string.Concat(bold.Children.Select(n => n.Kind == DocKind.Text ? n.Text : "\0")).Trim();
            s = s.EndsWith(":", StringComparison.Ordinal) ? s.Substring(0, s.Length - 1).Trim() : s;
            bool label = s.Length > 0 && s.Length <= 40 && char.IsLetter(s[0]) && s.All(c => char.IsLetter(c) || char.IsWhiteSpace(c));
            return label ? DocWriter.Line(s, xml: false) : null;
        }
    }
}
