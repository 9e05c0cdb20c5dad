namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Renders the document tree as one line of plain text: markup gone, links reduced to their text, notes as
    /// "Label: text", all white space (U+00A0 and line breaks too) collapsed to single spaces, trimmed.
    /// </summary>
    internal static class DocPlainRenderer
    {
        public static string Render(DocNode root)
        {
            var w = new DocWriter(xml: false);
            Render(root, w);
            return w.Finish();
        }

        private static void Render(DocNode n, DocWriter w)
        {
            switch (n.Kind)
            {
                case DocKind.Text:
                    w.Text(n.Text!);
                    return;
                case DocKind.Break:
                    w.Text(" ");
                    return;
                case DocKind.CodeBlock:
                    w.Text(" " + n.Text + " ");
                    return;
                case DocKind.Bold:
                case DocKind.Italic:
                case DocKind.Code:
                case DocKind.Link:
                    Children(n, w);
                    return;
                case DocKind.Note:
                    string label = n.NoteLabel();
                    var content = new DocWriter(xml: false);
                    Children(n, content);
                    string body = content.Finish();
                    w.Text(body.Length > 0 ? " " + label + ": " + body + " " : "");
                    return;
                default:
                    w.Text(" ");
                    Children(n, w);
                    w.Text(" ");
                    return;
            }
        }

        private static void Children(DocNode n, DocWriter w)
        {
            foreach (DocNode child in n.Children)
            {
                Render(child, w);
            }
        }
    }
}
