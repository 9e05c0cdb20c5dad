using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TapiGen.Tests.Headers.Oracle
{
    internal enum DirectiveKind
    {
        If,     // #if, #ifdef, #ifndef
        Elif,   // #elif, #elifdef, #elifndef
        Else,
        Endif,
        Define, // #define, #undef
        PushPopMacro,
        Dropped, // #include, #error, #pragma, #line, ...: not part of what the oracle compiles
    }

    internal abstract record ScanItem(int Line);

    /// <summary>A preprocessor directive outside every enum body: its logical line (spliced, comments removed).</summary>
    internal sealed record DirectiveItem(int Line, DirectiveKind Kind, string Text) : ScanItem(Line);

    /// <summary>
    /// An enum declaration with a body: <c>enum [TAG] [: type] { Body }</c>, Body as written (directive lines kept).
    /// Scoped (<c>enum class</c>) declarations are C++: they are kept so the report can say where they are, but are
    /// never compiled. <see cref="HeadText"/>, when set, replaces <c>enum TAG {</c>: the head is written more than once
    /// in the branches of a conditional (<c>#ifdef __midl</c> typedef [v1_enum] enum X { <c>#else</c> typedef enum X {
    /// <c>#endif</c>), and HeadText keeps those directives, each head written as <c>enum TAG {</c>, so gcc picks one.
    /// </summary>
    internal sealed record EnumItem(
        int Line,
        string? Tag,
        IReadOnlyList<string> TypedefNames,
        string? UnderlyingType,
        bool Scoped,
        string Body,
        IReadOnlyList<string> DeclaredNames,
        string? Problem,
        string? HeadText = null) : ScanItem(Line);

    /// <summary>
    /// Reads a header with plain text processing: the directives (in order) and the enum declarations that have a body,
    /// found by brace matching on the tokens outside directive lines.
    /// </summary>
    internal static class HeaderScanner
    {
        public static List<ScanItem> Scan(string text)
        {
            string clean = CText.Clean(text, out List<int> lineOf);

            // Lines: start offsets, and which are directives.
            var lineStarts = new List<int> { 0 };
            for (int i = 0; i < clean.Length; i++)
            {
                if (clean[i] == '\n')
                {
                    lineStarts.Add(i + 1);
                }
            }

            int LineEnd(int l) => l + 1 < lineStarts.Count ? lineStarts[l + 1] - 1 : clean.Length;
            var isDirective = new bool[lineStarts.Count];
            for (int l = 0; l < lineStarts.Count; l++)
            {
                int p = lineStarts[l];
                int end = LineEnd(l);
                while (p < end && (clean[p] == ' ' || clean[p] == '\t' || clean[p] == '\f' || clean[p] == '\v'))
                {
                    p++;
                }

                isDirective[l] = p < end && clean[p] == '#';
            }

            // Tokens of the code lines only.
            var code = new List<CToken>();
            for (int l = 0; l < lineStarts.Count; l++)
            {
                if (!isDirective[l])
                {
                    code.AddRange(CText.Tokenize(clean, lineStarts[l], LineEnd(l), l));
                }
            }

            var enums = new List<(int Start, int End, EnumItem Item)>();
            for (int t = 0; t < code.Count; t++)
            {
                if (code[t].Kind != CTokenKind.Identifier || !code[t].Is(clean, "enum"))
                {
                    continue;
                }

                int close = TryReadEnum(clean, code, t, lineOf, isDirective, lineStarts, out EnumItem? item, out int start);
                if (item is not null)
                {
                    enums.Add((start, code[close].End, item));
                    t = close;
                }
            }

            // Directives outside the enums and the enums, in the order of the text.
            var items = new List<ScanItem>();
            int nextEnum = 0;
            for (int l = 0; l < lineStarts.Count; l++)
            {
                while (nextEnum < enums.Count && enums[nextEnum].Start <= lineStarts[l])
                {
                    items.Add(enums[nextEnum].Item);
                    nextEnum++;
                }

                if (!isDirective[l])
                {
                    continue;
                }

                int start = lineStarts[l];
                if (nextEnum > 0 && start < enums[nextEnum - 1].End)
                {
                    continue; // inside the last enum's body: part of its text
                }

                string lineText = clean.Substring(start, LineEnd(l) - start).Trim();
                items.Add(new DirectiveItem(lineOf[l], Classify(lineText), lineText));
            }

            while (nextEnum < enums.Count)
            {
                items.Add(enums[nextEnum++].Item);
            }

            return items;
        }

        private static DirectiveKind Classify(string directive)
        {
            string rest = directive.Substring(1).TrimStart();
            int n = 0;
            while (n < rest.Length && CText.IsIdentifierPart(rest[n]))
            {
                n++;
            }

            string name = rest.Substring(0, n);
            switch (name)
            {
                case "if":
                case "ifdef":
                case "ifndef":
                    return DirectiveKind.If;
                case "elif":
                case "elifdef":
                case "elifndef":
                    return DirectiveKind.Elif;
                case "else":
                    return DirectiveKind.Else;
                case "endif":
                    return DirectiveKind.Endif;
                case "define":
                case "undef":
                    return DirectiveKind.Define;
                case "pragma":
                    string pragma = rest.Substring(n).TrimStart();
                    return pragma.StartsWith("push_macro", StringComparison.Ordinal) || pragma.StartsWith("pop_macro", StringComparison.Ordinal)
                        ? DirectiveKind.PushPopMacro
                        : DirectiveKind.Dropped;
                default:
                    return DirectiveKind.Dropped;
            }
        }

        private readonly record struct Head(int Enum, int Open, string? Tag, string? UnderlyingType, bool Scoped);

        /// <summary>
        /// Reads <c>enum ... {</c> at token t: <c>enum [class] [attributes] [TAG] [: type] {</c>. Null when this is not
        /// the head of a declaration with a body (enum X x; sizeof(enum X), ...).
        /// </summary>
        private static Head? ReadHead(string clean, List<CToken> code, int t)
        {
            int j = t + 1;
            bool scoped = false;
            if (j < code.Count && (code[j].Is(clean, "class") || code[j].Is(clean, "struct")))
            {
                scoped = true;
                j++;
            }

            // Identifiers (attributes, then the tag), perhaps macro calls like DECLSPEC(x), then ": type".
            string? tag = null;
            int colon = -1;
            while (j < code.Count)
            {
                CToken token = code[j];
                if (token.Is(clean, "{"))
                {
                    break;
                }

                if (colon < 0 && token.Is(clean, ":"))
                {
                    colon = j;
                    j++;
                    continue;
                }

                if (colon >= 0)
                {
                    if (token.Kind == CTokenKind.Identifier || token.Is(clean, "::"))
                    {
                        j++;
                        continue;
                    }

                    return null;
                }

                if (token.Kind == CTokenKind.Identifier)
                {
                    if (j + 1 < code.Count && code[j + 1].Is(clean, "("))
                    {
                        int close = MatchParen(clean, code, j + 1);
                        if (close < 0)
                        {
                            return null;
                        }

                        j = close + 1;
                        continue;
                    }

                    tag = token.Text(clean);
                    j++;
                    continue;
                }

                return null; // ; ) , = ...: a use of the type, not a definition
            }

            if (j >= code.Count)
            {
                return null;
            }

            string? underlying = colon < 0 ? null : string.Join(" ", code.Skip(colon + 1).Take(j - colon - 1).Select(k => k.Text(clean)));
            return new Head(t, j, tag, underlying, scoped);
        }

        /// <summary>
        /// Reads the enum declaration at token t. Returns the index of the closing brace, the item and where its text
        /// starts, or t and null when this is not a declaration with a body.
        /// </summary>
        private static int TryReadEnum(string clean, List<CToken> code, int t, List<int> lineOf, bool[] isDirective, List<int> lineStarts, out EnumItem? item, out int start)
        {
            item = null;
            start = code[t].Start;
            if (ReadHead(clean, code, t) is not Head first)
            {
                return t;
            }

            // Alternative heads: right after this head's {, another [typedef [attrs]] enum ... { in the next branch.
            var heads = new List<Head> { first };
            while (true)
            {
                Head last = heads[^1];
                int k = last.Open + 1;
                while (k < code.Count)
                {
                    if (code[k].Is(clean, "typedef"))
                    {
                        k++;
                    }
                    else if (code[k].Is(clean, "["))
                    {
                        // a MIDL attribute list: [v1_enum]
                        while (k < code.Count && !code[k].Is(clean, "]"))
                        {
                            k++;
                        }

                        k++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (k >= code.Count || !code[k].Is(clean, "enum") || code[k].Line == code[last.Open].Line || ReadHead(clean, code, k) is not Head next)
                {
                    break;
                }

                heads.Add(next);
            }

            string? headText = null;
            Head head = heads[^1];
            if (heads.Count > 1)
            {
                headText = HeadGroup(clean, code, heads, isDirective, lineStarts, out int groupStart);
                if (headText is null)
                {
                    item = new EnumItem(lineOf[code[head.Enum].Line], head.Tag, Array.Empty<string>(), head.UnderlyingType, head.Scoped, "", Array.Empty<string>(), "enum heads in more than one place, not in the branches of one conditional");
                    return head.Open;
                }

                start = groupStart;
            }

            int line = lineOf[code[head.Enum].Line];
            int depth = 0;
            int closeBrace = -1;
            for (int k = head.Open; k < code.Count; k++)
            {
                if (code[k].Is(clean, "{"))
                {
                    depth++;
                }
                else if (code[k].Is(clean, "}"))
                {
                    depth--;
                    if (depth == 0)
                    {
                        closeBrace = k;
                        break;
                    }
                }
            }

            bool typedef = IsTypedef(clean, code, head.Enum);
            if (closeBrace < 0)
            {
                item = new EnumItem(line, head.Tag, Array.Empty<string>(), head.UnderlyingType, head.Scoped, "", Array.Empty<string>(), "no closing brace");
                return code.Count - 1;
            }

            string body = clean.Substring(code[head.Open].End, code[closeBrace].Start - code[head.Open].End);
            string? problem = CheckConditionals((headText ?? "") + body);
            IReadOnlyList<string> typedefNames = typedef ? Declarators(clean, code, closeBrace + 1) : Array.Empty<string>();
            item = new EnumItem(line, head.Tag, typedefNames, head.UnderlyingType, head.Scoped, body, DeclaredNames(body), problem, headText);
            return closeBrace;
        }

        /// <summary>
        /// For heads written in the branches of one conditional: the text from the #if before the first head to the last
        /// head, directives kept and each head written as <c>enum TAG {</c>; null when the heads are not laid out so.
        /// <paramref name="groupStart"/> is where the #if line starts.
        /// </summary>
        private static string? HeadGroup(string clean, List<CToken> code, List<Head> heads, bool[] isDirective, List<int> lineStarts, out int groupStart)
        {
            groupStart = -1;
            int firstLine = code[heads[0].Enum].Line;
            int lastLine = code[heads[^1].Open].Line;
            int open = firstLine - 1;
            while (open >= 0 && !isDirective[open] && clean.Substring(lineStarts[open], LineLength(clean, lineStarts, open)).Trim().Length == 0)
            {
                open--;
            }

            // Code before the first enum keyword on its line (typedef [v1_enum]) is part of the head; anything on the
            // line above that is not the #if is not this layout.
            if (open < 0 || !isDirective[open] || Classify(clean.Substring(lineStarts[open], LineLength(clean, lineStarts, open)).Trim()) != DirectiveKind.If)
            {
                return null;
            }

            var text = new StringBuilder();
            int h = 0;
            for (int l = open; l <= lastLine; l++)
            {
                string lineText = clean.Substring(lineStarts[l], LineLength(clean, lineStarts, l));
                if (isDirective[l])
                {
                    text.Append(lineText.Trim()).Append('\n');
                    continue;
                }

                // A code line: the heads on it, as enum TAG {.
                var written = new List<string>();
                while (h < heads.Count && code[heads[h].Enum].Line == l)
                {
                    written.Add("enum " + (heads[h].Tag is null ? "" : heads[h].Tag + " ") + "{");
                    h++;
                }

                if (written.Count == 0 && lineText.Trim().Length > 0 && !lineText.TrimStart().StartsWith("typedef", StringComparison.Ordinal))
                {
                    return null;
                }

                text.Append(string.Join(" ", written));
                if (l < lastLine)
                {
                    text.Append('\n');
                }
            }

            if (h != heads.Count)
            {
                return null;
            }

            groupStart = lineStarts[open];
            return text.ToString();
        }

        private static int LineLength(string clean, List<int> lineStarts, int l)
            => (l + 1 < lineStarts.Count ? lineStarts[l + 1] - 1 : clean.Length) - lineStarts[l];

        private static int MatchParen(string clean, List<CToken> code, int open)
        {
            int depth = 0;
            for (int k = open; k < code.Count; k++)
            {
                if (code[k].Is(clean, "("))
                {
                    depth++;
                }
                else if (code[k].Is(clean, ")") && --depth == 0)
                {
                    return k;
                }
                else if (code[k].Is(clean, ";") || code[k].Is(clean, "{"))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Whether <c>typedef</c> comes before the enum keyword, past const/volatile and annotation macros such as
        /// <c>_Return_type_success_(return == 0)</c>.
        /// </summary>
        private static bool IsTypedef(string clean, List<CToken> code, int t)
        {
            int k = t - 1;
            for (int steps = 0; k >= 0 && steps < 6; steps++)
            {
                CToken token = code[k];
                if (token.Is(clean, "typedef"))
                {
                    return true;
                }

                if (token.Is(clean, "]"))
                {
                    // a MIDL attribute list: typedef [v1_enum] enum
                    while (k >= 0 && !code[k].Is(clean, "["))
                    {
                        k--;
                    }

                    k--;
                    continue;
                }

                if (token.Is(clean, ")"))
                {
                    int depth = 0;
                    while (k >= 0)
                    {
                        if (code[k].Is(clean, ")"))
                        {
                            depth++;
                        }
                        else if (code[k].Is(clean, "(") && --depth == 0)
                        {
                            break;
                        }
                        else if (code[k].Is(clean, ";") || code[k].Is(clean, "{") || code[k].Is(clean, "}"))
                        {
                            return false;
                        }

                        k--;
                    }

                    k--; // the macro name before the (
                    if (k < 0 || code[k].Kind != CTokenKind.Identifier)
                    {
                        return false;
                    }

                    k--;
                    continue;
                }

                if (token.Kind == CTokenKind.Identifier)
                {
                    k--;
                    continue;
                }

                return false;
            }

            return false;
        }

        /// <summary>The names declared after the closing brace: <c>} A, *PA, FAR *LPA;</c> gives A, PA, LPA.</summary>
        private static IReadOnlyList<string> Declarators(string clean, List<CToken> code, int start)
        {
            var names = new List<string>();
            string? last = null;
            int depth = 0;
            for (int k = start; k < code.Count; k++)
            {
                CToken token = code[k];
                if (token.Is(clean, "(") || token.Is(clean, "["))
                {
                    depth++;
                    continue;
                }

                if (token.Is(clean, ")") || token.Is(clean, "]"))
                {
                    depth--;
                    continue;
                }

                if (depth > 0)
                {
                    continue;
                }

                if (token.Is(clean, ",") || token.Is(clean, ";"))
                {
                    if (last is not null)
                    {
                        names.Add(last);
                    }

                    last = null;
                    if (token.Is(clean, ";"))
                    {
                        break;
                    }

                    continue;
                }

                if (token.Is(clean, "{") || token.Is(clean, "}") || token.Is(clean, "enum") || token.Is(clean, "typedef"))
                {
                    break;
                }

                if (token.Kind == CTokenKind.Identifier)
                {
                    last = token.Text(clean);
                }
            }

            return names;
        }

        /// <summary>A problem when the body's conditional directives are not balanced (#if in one body, #endif after it).</summary>
        private static string? CheckConditionals(string body)
        {
            int depth = 0;
            foreach (string raw in body.Split('\n'))
            {
                string line = raw.Trim();
                if (!line.StartsWith('#'))
                {
                    continue;
                }

                DirectiveKind kind = Classify(line);
                if (kind == DirectiveKind.If)
                {
                    depth++;
                }
                else if (kind == DirectiveKind.Endif)
                {
                    if (--depth < 0)
                    {
                        return "an #endif in the body closes a conditional opened before the enum";
                    }
                }
                else if ((kind == DirectiveKind.Elif || kind == DirectiveKind.Else) && depth == 0)
                {
                    return "an #else/#elif in the body belongs to a conditional opened before the enum";
                }
            }

            return depth == 0 ? null : "a conditional opened in the body is closed after the enum";
        }

        /// <summary>The names the body declares, as text shows them: the first identifier of each top-level comma piece.</summary>
        internal static IReadOnlyList<string> DeclaredNames(string body)
        {
            var withoutDirectives = new StringBuilder(body.Length);
            foreach (string line in body.Split('\n'))
            {
                withoutDirectives.Append(line.TrimStart().StartsWith('#') ? "" : line).Append('\n');
            }

            return MemberNames(withoutDirectives.ToString());
        }

        /// <summary>The first identifier of each top-level comma-separated piece of an enum body without directives.</summary>
        internal static List<string> MemberNames(string body)
        {
            var names = new List<string>();
            List<CToken> tokens = CText.Tokenize(body);
            int depth = 0;
            bool expectName = true;
            foreach (CToken token in tokens)
            {
                if (token.Is(body, "(") || token.Is(body, "[") || token.Is(body, "{"))
                {
                    depth++;
                }
                else if (token.Is(body, ")") || token.Is(body, "]") || token.Is(body, "}"))
                {
                    depth--;
                }
                else if (depth == 0 && token.Is(body, ","))
                {
                    expectName = true;
                }
                else if (depth == 0 && expectName && token.Kind == CTokenKind.Identifier)
                {
                    names.Add(token.Text(body));
                    expectName = false;
                }
            }

            return names;
        }
    }
}
