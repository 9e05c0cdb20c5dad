using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Document tree
        // ------------------------------------------------------------------------------------------------------------

        private enum K : byte
        {
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
            Group,
        }

        /// <summary>What the inline tokenizer and the tree builder make of an HTML tag name.</summary>
        private enum TagKind : byte
        {
            Unknown,
            Bold,
            Italic,
            Code,
            Link,
            Br,
            Img,
            Ignore,
            Break,
            Heading,
            P,
            Div,
            Blockquote,
            Ul,
            Ol,
            Dl,
            Li,
            Dt,
            Dd,
            Table,
            Tr,
            Td,
            Th,
            Pre,
            RawSkip,
            Count,
        }

        private sealed class Node
        {
            public Node(K kind)
            {
                Kind = kind;
            }

            public K Kind { get; }

            public List<Node>? Children { get; private set; }

            /// <summary>Text nodes: the text appended after the first piece (which is in <see cref="Str"/>).</summary>
            public StringBuilder? Sb { get; set; }

            /// <summary>Text nodes: their text.</summary>
            public string Text => Sb is null ? Str ?? "" : Sb.ToString();

            public void AppendText(string s)
            {
                if (Sb is null)
                {
                    Sb = new StringBuilder(Str);
                    Str = null;
                }

                Sb.Append(s);
            }

            /// <summary>Text: first piece of text; Link: absolute href or null (text only); Note: label; CodeBlock: the code.</summary>
            public string? Str { get; set; }

            /// <summary>List: ordered; Cell: header cell.</summary>
            public bool Flag { get; set; }

            /// <summary>Created by a Markdown construct (HTML closers cannot close it).</summary>
            public bool Md { get; set; }

            /// <summary>The HTML tag that created the node (None for implicit and Markdown nodes).</summary>
            public TagKind Tag { get; set; }

            public void Add(Node n) => (Children ??= new List<Node>()).Add(n);
        }

        private static readonly Dictionary<string, TagKind> TagKinds = CreateTagKinds();

        private static Dictionary<string, TagKind> CreateTagKinds()
        {
            var d = new Dictionary<string, TagKind>(StringComparer.Ordinal);
            void Add(TagKind kind, params string[] names)
            {
                foreach (string name in names)
                {
                    d[name] = kind;
                }
            }

            Add(TagKind.Bold, "b", "strong");
            Add(TagKind.Italic, "i", "em", "var", "cite", "dfn");
            Add(TagKind.Code, "code", "tt", "kbd", "samp");
            Add(TagKind.Link, "a");
            Add(TagKind.Br, "br");
            Add(TagKind.Img, "img", "image", "picture", "source", "video", "audio");
            Add(TagKind.Ignore, "thead", "tbody", "tfoot", "colgroup", "col");
            Add(TagKind.Break, "hr", "section", "article", "header", "footer", "nav", "main", "aside", "figure", "figcaption",
                "center", "address", "details", "summary", "fieldset", "form", "legend", "caption", "hgroup", "dialog", "menu",
                "search", "body", "html");
            Add(TagKind.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
            Add(TagKind.P, "p");
            Add(TagKind.Div, "div");
            Add(TagKind.Blockquote, "blockquote");
            Add(TagKind.Ul, "ul");
            Add(TagKind.Ol, "ol");
            Add(TagKind.Dl, "dl");
            Add(TagKind.Li, "li");
            Add(TagKind.Dt, "dt");
            Add(TagKind.Dd, "dd");
            Add(TagKind.Table, "table");
            Add(TagKind.Tr, "tr");
            Add(TagKind.Td, "td");
            Add(TagKind.Th, "th");
            Add(TagKind.Pre, "pre", "xmp", "listing");
            Add(TagKind.RawSkip, "script", "style", "textarea", "title", "noscript", "iframe", "object", "template", "head", "svg", "math");
            return d;
        }

        /// <summary>CommonMark HTML block type 6 tag names (a line starting with one starts an HTML block).</summary>
        private static readonly HashSet<string> BlockTagNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
            "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
        };

        /// <summary>CommonMark HTML block type 1 tag names (the block runs to the line with the closing tag).</summary>
        private static readonly HashSet<string> RawBlockTagNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "pre", "script", "style", "textarea",
        };

        // ------------------------------------------------------------------------------------------------------------
        // Tree views shared by the renderers
        // ------------------------------------------------------------------------------------------------------------

        private static List<Node> Flatten(Node container)
        {
            var blocks = new List<Node>();
            FlattenInto(container, blocks, 0);
            return blocks;
        }

        /// <summary>The block children of a container, with transparent groups (and misplaced containers) spliced in.</summary>
        private static void FlattenInto(Node container, List<Node> blocks, int depth)
        {
            if (container.Children is null)
            {
                return;
            }

            foreach (Node child in container.Children)
            {
                bool transparent = child.Kind == K.Group || child.Kind == K.Root || child.Kind == K.Item || child.Kind == K.Row ||
                                   child.Kind == K.Cell;
                if (transparent && depth < MaxRenderDepth)
                {
                    FlattenInto(child, blocks, depth + 1);
                }
                else if (!transparent)
                {
                    blocks.Add(child);
                }
            }
        }

        /// <summary>
        /// Finds the label of an HTML note (<c>&lt;b&gt;Note&lt;/b&gt;</c> at its start), removes it from the tree and
        /// remembers it on the note. Returns "Note" when there is none.
        /// </summary>
        private static string NoteLabel(Node note, List<Node> blocks)
        {
            if (note.Str != null)
            {
                return note.Str;
            }

            string label = "Note";
            Node? para = blocks.Count > 0 && blocks[0].Kind == K.Para ? blocks[0] : null;
            List<Node>? kids = para?.Children;
            if (kids != null)
            {
                int k = 0;
                while (k < kids.Count && kids[k].Kind == K.Text && IsAllWhite(kids[k].Text))
                {
                    k++;
                }

                if (k < kids.Count && kids[k].Kind == K.Bold && kids[k].Children != null)
                {
                    var text = new StringBuilder();
                    bool onlyText = true;
                    foreach (Node n in kids[k].Children!)
                    {
                        if (n.Kind == K.Text)
                        {
                            text.Append(n.Text);
                        }
                        else
                        {
                            onlyText = false;
                        }
                    }

                    string candidate = text.ToString().Trim();
                    if (candidate.EndsWith(":", StringComparison.Ordinal))
                    {
                        candidate = candidate.Substring(0, candidate.Length - 1).Trim();
                    }

                    if (onlyText && IsLabel(candidate))
                    {
                        label = CollapseSpaces(candidate);
                        kids.RemoveRange(0, k + 1);
                        if (kids.Count > 0 && kids[0].Kind == K.Text)
                        {
                            string rest = kids[0].Text.TrimStart();
                            if (rest.StartsWith(":", StringComparison.Ordinal))
                            {
                                kids[0].Sb = null;
                                kids[0].Str = rest.Substring(1);
                            }
                        }
                    }
                }
            }

            note.Str = label;
            return label;
        }

        private static bool IsLabel(string s)
        {
            if (s.Length == 0 || s.Length > 40 || !char.IsLetter(s[0]))
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!char.IsLetter(c) && !char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static string CollapseSpaces(string s)
        {
            var w = new PlainWriter();
            w.Text(s);
            return w.Finish();
        }
    }
}
