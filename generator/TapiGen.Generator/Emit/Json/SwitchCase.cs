namespace TapiGen.Generator.Emit.Json
{
    /// <summary>A switch section whose body is a few statements: "case X:" and the statements one level deeper, no braces.</summary>
    internal static class SwitchCase
    {
        private const string Indent = "    ";

        public static void Write(SourceWriter w, string label, params string[] statements)
        {
            w.WriteLine(label);
            foreach (string statement in statements)
            {
                w.WriteLine(Indent + statement);
            }
        }
    }
}
