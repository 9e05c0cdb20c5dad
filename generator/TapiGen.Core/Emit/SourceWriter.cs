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

        /// <summary>Writes a line; text with line breaks is written as several lines, each indented.</summary>
        public void WriteLine(string line)
        {
            if (line.IndexOf('\n') >= 0)
            {
                foreach (string part in line.Split('\n'))
                {
                    WriteLine(part);
                }

                return;
            }

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

        /// <summary>Indents the lines written until the scope is disposed (no braces).</summary>
        public Indented Indent()
        {
            _indent++;
            return new Indented(this);
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

        /// <summary>
        /// Writes <paramref name="items"/> separated by ", " on as few lines as fit in <see cref="Width"/> columns: on the
        /// current line after <paramref name="prefix"/> and before <paramref name="suffix"/> when they all fit there,
        /// else as a block of lines between braces.
        /// </summary>
        public void WritePacked(string prefix, System.Collections.Generic.IReadOnlyList<string> items, string suffix)
        {
            string oneLine = prefix + "{ " + string.Join(", ", items) + " }" + suffix;
            if ((_indent * IndentUnit.Length) + oneLine.Length <= Width)
            {
                WriteLine(oneLine);
                return;
            }

            WriteLine(prefix.TrimEnd());
            WriteLine("{");
            _indent++;
            var line = new StringBuilder();
            foreach (string item in items)
            {
                if (line.Length > 0 && (_indent * IndentUnit.Length) + line.Length + item.Length + 2 > Width)
                {
                    WriteLine(line.ToString().TrimEnd());
                    line.Clear();
                }

                line.Append(item).Append(", ");
            }

            if (line.Length > 0)
            {
                WriteLine(line.ToString().TrimEnd());
            }

            _indent--;
            WriteLine("}" + suffix);
        }

        /// <summary>The width generated code keeps to, so no line must be scrolled sideways.</summary>
        public const int Width = 120;

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

        internal readonly struct Indented : IDisposable
        {
            private readonly SourceWriter _writer;

            public Indented(SourceWriter writer) => _writer = writer;

            public void Dispose() => _writer._indent--;
        }

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
                // A block's last member ends with a blank line; none belongs before the closing brace.
                StringBuilder b = _writer._builder;
                if (b.Length >= 2 && b[b.Length - 1] == '\n' && b[b.Length - 2] == '\n')
                {
                    b.Length--;
                }

                _writer._indent--;
                _writer.WriteLine("}" + _suffix);
            }
        }
    }
}
