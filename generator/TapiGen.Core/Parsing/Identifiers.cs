using System.Collections.Generic;
using System.Globalization;

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
            if (name.Length == 0 || name.Length > 512 || name == "value__" || !IsStart(name[0]))
            {
                return false;
            }

            for (int i = 1; i < name.Length; i++)
            {
                if (!IsPart(name[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The identifier as C# source: reserved keywords get '@'.</summary>
        public static string Escape(string name) => s_keywords.Contains(name) ? "@" + name : name;

        /// <summary>A letter (Lu, Ll, Lt, Lm, Lo, Nl) or '_', one UTF-16 unit at a time, as Roslyn reads identifiers.</summary>
        private static bool IsStart(char c)
        {
            if (c == '_')
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.LetterNumber:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A start character, a digit (Nd), a connector (Pc) or a combining mark (Mn, Mc). C# also allows formatting
        /// characters (Cf); we do not, as they include the bidirectional controls a 'Trojan Source' name hides behind.
        /// </summary>
        private static bool IsPart(char c)
        {
            if (IsStart(c))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>C#'s reserved keywords (contextual ones need no '@').</summary>
        private static readonly HashSet<string> s_keywords = new HashSet<string>(new[]
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            "__arglist", "__makeref", "__reftype", "__refvalue",
        }, System.StringComparer.Ordinal);

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
