using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace TapiGen.Generator.Parsing
{
    /// <summary>Decides which manifest names may become C# identifiers, and how to write them.</summary>
    internal static class Identifiers
    {
        /// <summary>
        /// True when <paramref name="name"/> is a C# identifier we are willing to emit: valid per the language, no
        /// formatting characters (which include the bidirectional controls a 'Trojan Source' name would hide behind),
        /// and not the name the runtime reserves for an enum's value field.
        /// </summary>
        public static bool IsValid(string name)
        {
            if (name.Length == 0 || name.Length > 512 || name == "value__" || !SyntaxFacts.IsValidIdentifier(name))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The identifier as C# source: reserved keywords get '@'.</summary>
        public static string Escape(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>True when <paramref name="ns"/> is empty (global) or dotted valid identifiers.</summary>
        public static bool IsValidNamespace(string ns)
        {
            if (ns.Length == 0)
            {
                return true;
            }

            foreach (string part in ns.Split('.'))
            {
                if (!IsValid(part))
                {
                    return false;
                }
            }

            return true;
        }

        public static string EscapeNamespace(string ns)
        {
            string[] parts = ns.Split('.');
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Escape(parts[i]);
            }

            return string.Join(".", parts);
        }
    }
}
