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
            // Blocks and line breaks are set apart by spaces; inline elements only give their text.
            string gap = n.Kind is DocKind.Text or DocKind.Bold or DocKind.Italic or DocKind.Code or DocKind.Link ? "" : " ";
            w.Text(gap);
            if (n.Kind == DocKind.Note)
            {
                string label = n.NoteLabel();
                var content = new DocWriter(xml: false);
                n.Children.ForEach(child => Render(child, content));
                string body = content.Finish();
                w.Text(body.Length > 0 ? label + ": " + body : "");
            }
            else if (n.Kind is DocKind.Text or DocKind.CodeBlock)
            {
                w.Text(n.Text!);
            }
            else
            {
                n.Children.ForEach(child => Render(child, w));
            }

            w.Text(gap);
        }
    }
}
