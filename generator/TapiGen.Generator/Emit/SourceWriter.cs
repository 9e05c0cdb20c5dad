using System;
using System.Text;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes C# with indentation and block scopes. Line endings are always '\n' so output is byte-identical on
    /// every OS.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new StringBuilder(4096);
        private int _indent;

        public void WriteLine(string line)
        {
            if (line.Length > 0)
            {
                for (int i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        public void WriteLine() => _builder.Append('\n');

        /// <summary>Writes "{", indents, and returns a scope whose disposal writes the closing brace.</summary>
        public Block OpenBlock(string? suffix = null)
        {
            WriteLine("{");
            _indent++;
            return new Block(this, suffix);
        }

        /// <summary>Writes one XML doc element, each line prefixed with "/// ".</summary>
        public void WriteDocElement(string element, System.Collections.Generic.IReadOnlyList<string> contentLines)
        {
            if (contentLines.Count == 0)
            {
                return;
            }

            WriteLine("/// <" + element + ">");
            foreach (string line in contentLines)
            {
                WriteLine("/// " + DocSafe(line));
            }

            WriteLine("/// </" + element + ">");
        }

        public override string ToString() => _builder.ToString();

        /// <summary>
        /// Defence in depth: doc content comes from the manifest and must never end the comment, so any character C#
        /// treats as a line break is replaced here too, whatever the converter did.
        /// </summary>
        private static string DocSafe(string line)
        {
            if (line.IndexOfAny(LineBreaks) < 0)
            {
                return line;
            }

            var sb = new StringBuilder(line);
            foreach (char c in LineBreaks)
            {
                sb.Replace(c, ' ');
            }

            return sb.ToString();
        }

        private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

        internal readonly struct Block : IDisposable
        {
            private readonly SourceWriter _writer;
            private readonly string? _suffix;

            public Block(SourceWriter writer, string? suffix)
            {
                _writer = writer;
                _suffix = suffix;
            }

            public void Dispose()
            {
                _writer._indent--;
                _writer.WriteLine("}" + _suffix);
            }
        }
    }
}
