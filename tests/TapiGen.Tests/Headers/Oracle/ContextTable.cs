using System;
using System.Collections.Generic;
using System.Linq;

namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>A macro an earlier header left defined: its #define line as gcc -dD printed it.</summary>
    internal sealed record ContextMacro(string Name, string Line, IReadOnlyList<string> Identifiers, long Sequence);

    /// <summary>An enum an earlier header declared, as the preprocessor left it (no macros in it any more).</summary>
    internal sealed record ContextEnum(int Id, string? Tag, string Text, IReadOnlyList<string> Members, IReadOnlyList<string> Identifiers);

    /// <summary>
    /// What the earlier headers of one Evaluate call leave behind for the later ones: the macros defined at the end of
    /// each (gcc's own -dD view, so #if branches and #undef are the compiler's) and the enums it compiled. A later
    /// header gets only what it refers to, followed through macro bodies and enum values (so a C file does not carry
    /// every macro of every earlier header), and never a name it declares itself as an enumerator or tag: with headers
    /// given in an arbitrary order, an unrelated earlier header must not turn a member's name into a macro.
    /// </summary>
    internal sealed class ContextTable
    {
        private readonly Dictionary<string, object> _names = new Dictionary<string, object>(StringComparer.Ordinal);
        private long _sequence;
        private int _enumIds;

        public void Define(string defineLine)
        {
            // "#define NAME rest" or "#define NAME(args) rest"
            string rest = defineLine.Substring(defineLine.IndexOf("define", StringComparison.Ordinal) + "define".Length).TrimStart();
            int n = 0;
            while (n < rest.Length && CText.IsIdentifierPart(rest[n]))
            {
                n++;
            }

            if (n == 0)
            {
                return;
            }

            string name = rest.Substring(0, n);
            _names[name] = new ContextMacro(name, defineLine, Identifiers(rest.Substring(n)), _sequence++);
        }

        public void Undefine(string undefLine)
        {
            string name = undefLine.Substring(undefLine.IndexOf("undef", StringComparison.Ordinal) + "undef".Length).Trim();
            if (_names.TryGetValue(name, out object? entry) && entry is ContextMacro)
            {
                _names.Remove(name);
            }
        }

        public void AddEnum(string? tag, string text, IReadOnlyList<string> members)
        {
            var entry = new ContextEnum(_enumIds++, tag, text, members, Identifiers(text));
            foreach (string member in members)
            {
                _names[member] = entry;
            }
        }

        /// <summary>The enums and macros <paramref name="identifiers"/> need, transitively, in the order they were made.</summary>
        public (List<ContextEnum> Enums, List<ContextMacro> Macros) Closure(IEnumerable<string> identifiers, IReadOnlySet<string> declared)
        {
            var enums = new Dictionary<int, ContextEnum>();
            var macros = new Dictionary<string, ContextMacro>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var work = new Stack<string>(identifiers);
            while (work.Count > 0)
            {
                string id = work.Pop();
                if (!seen.Add(id) || declared.Contains(id) || !_names.TryGetValue(id, out object? entry))
                {
                    continue;
                }

                if (entry is ContextMacro macro)
                {
                    macros[macro.Name] = macro;
                    foreach (string next in macro.Identifiers)
                    {
                        work.Push(next);
                    }
                }
                else if (entry is ContextEnum e && !enums.ContainsKey(e.Id))
                {
                    if ((e.Tag is not null && declared.Contains(e.Tag)) || e.Members.Any(declared.Contains))
                    {
                        continue;
                    }

                    enums[e.Id] = e;
                    foreach (string next in e.Identifiers)
                    {
                        work.Push(next);
                    }
                }
            }

            return (enums.Values.OrderBy(e => e.Id).ToList(), macros.Values.OrderBy(m => m.Sequence).ToList());
        }

        public static IReadOnlyList<string> Identifiers(string text)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (CToken token in CText.Tokenize(text))
            {
                if (token.Kind == CTokenKind.Identifier)
                {
                    ids.Add(token.Text(text));
                }
            }

            return ids.ToArray();
        }
    }
}
