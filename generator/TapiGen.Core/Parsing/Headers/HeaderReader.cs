using System;
using System.Collections.Generic;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.C;

namespace TapiGen.Generator.Parsing.Headers
{
    /// <summary>
    /// Reads one C header into the enum declarations and macros TapiGen needs: <c>typedef enum [TAG] { ... } NAME;</c>,
    /// <c>enum NAME { ... };</c>, <c>typedef enum TAG NAME;</c>, and every '#define'. Top-level conditionals are
    /// decided in <see cref="CEnvironment"/>'s configuration with this header's own macros (include guards
    /// recognised); declarations under a condition it cannot decide are kept and marked. Conditionals inside an enum
    /// body are kept as they are, to be decided when every listed header is known. It reads; it evaluates nothing,
    /// and it never throws on any text.
    /// </summary>
    internal sealed class HeaderReader : ICMacros
    {
        private readonly HeaderFile _file;
        private readonly CancellationToken _cancellationToken;
        private readonly CLexer _lexer;
        private readonly List<Frame> _frames = new List<Frame>();
        private readonly Dictionary<string, CMacro> _local = new Dictionary<string, CMacro>(StringComparer.Ordinal);
        private readonly HashSet<string> _undefined = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<CMacro> _macros = new List<CMacro>();
        private readonly List<HeaderEnumDeclaration> _enums = new List<HeaderEnumDeclaration>();
        private readonly List<HeaderTypedefAlias> _aliases = new List<HeaderTypedefAlias>();
        private readonly Stack<bool> _typedefStack = new Stack<bool>();
        private string? _problem;
        private bool _typedef;

        private HeaderReader(HeaderFile file, CancellationToken cancellationToken)
        {
            _file = file;
            _cancellationToken = cancellationToken;
            _lexer = new CLexer(file.Text ?? string.Empty);
        }

        private enum Tri
        {
            False,
            Unknown,
            True,
        }

        public static HeaderParse Read(HeaderFile file, CancellationToken cancellationToken)
        {
            string fileName = FileNames.Of(file.Path);
            if (file.Text is null)
            {
                string why = file.TextLength > Limits.MaxFileChars
                    ? "it has " + file.TextLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters, over TapiGen's limit of " + Limits.MaxFileChars.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters"
                    : "it cannot be read";
                return new HeaderParse(file.Path, fileName, EquatableArray<HeaderEnumDeclaration>.Empty, EquatableArray<CMacro>.Empty, EquatableArray<HeaderTypedefAlias>.Empty, why, Unread: true);
            }

            var reader = new HeaderReader(file, cancellationToken);
            reader.ReadAll();
            return new HeaderParse(file.Path, fileName, reader._enums.ToEquatableArray(), reader._macros.ToEquatableArray(), reader._aliases.ToEquatableArray(), reader._problem);
        }

        CMacro? ICMacros.Find(string name)
            => CEnvironment.Macro(name) ?? (_local.TryGetValue(name, out CMacro? macro) && macro.Uncertain is null ? macro : null);

        bool? ICMacros.IsDefined(string name)
            => CEnvironment.IsDefined(name)
               ?? (_local.TryGetValue(name, out CMacro? macro) ? (macro.Uncertain is null ? true : (bool?)null)
                   : _undefined.Contains(name) || CEnvironment.IsOptOut(name) ? false : (bool?)null);

        private void ReadAll()
        {
            int count = 0;
            while (_lexer.Next(out CToken token, out bool atLineStart))
            {
                if ((++count & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                if (atLineStart && token.Is("#"))
                {
                    Directive(token, _lexer.RestOfLine(), inBody: false);
                    continue;
                }

                ClearGuardCandidate();
                if (Effective() == Tri.False)
                {
                    continue;
                }

                Statement(token);
            }
        }

        /// <summary>A token at file scope: tracks 'typedef' and braces, and reads each enum declaration it starts.</summary>
        private void Statement(CToken token)
        {
            if (token.IsIdentifier("typedef"))
            {
                _typedef = true;
            }
            else if (token.Is(";"))
            {
                _typedef = false;
            }
            else if (token.Is("{"))
            {
                _typedefStack.Push(_typedef);
                _typedef = false;
            }
            else if (token.Is("}"))
            {
                _typedef = _typedefStack.Count > 0 && _typedefStack.Pop();
            }
            else if (token.IsIdentifier("enum"))
            {
                EnumDeclaration(token);
            }
        }

        private void EnumDeclaration(CToken enumKeyword)
        {
            bool isTypedef = _typedef;
            var names = new List<string>();
            CToken token;
            while (true)
            {
                if (!NextToken(out token))
                {
                    return;
                }

                if (token.Kind == CTokenKind.Identifier && (token.Text == "class" || token.Text == "struct"))
                {
                    continue;
                }

                if (token.Kind == CTokenKind.Identifier && token.Text.StartsWith("__declspec", StringComparison.Ordinal))
                {
                    SkipParenthesized();
                    continue;
                }

                if (token.Kind != CTokenKind.Identifier)
                {
                    break;
                }

                names.Add(token.Text);
            }

            if (token.Is(":"))
            {
                // C++11 / C23 fixed underlying type: 'enum X : int {'.
                while (NextToken(out token) && !token.Is("{") && !token.Is(";"))
                {
                }
            }

            if (token.Is(";"))
            {
                _typedef = false;
                if (isTypedef && names.Count == 2)
                {
                    _aliases.Add(new HeaderTypedefAlias(names[1], names[0]));
                }

                return;
            }

            if (!token.Is("{"))
            {
                // 'enum X y', 'enum X *p', 'enum X)' in a parameter list: a use, not a declaration.
                Statement(token);
                return;
            }

            string? tag = names.Count > 0 ? names[names.Count - 1] : null;
            Body(enumKeyword, tag, isTypedef);
        }

        private void Body(CToken enumKeyword, string? tag, bool isTypedef)
        {
            string? uncertain = UncertainCondition();
            var items = new List<HeaderBodyItem>();
            var run = new List<CToken>();
            string? problem = null;
            CToken problemAt = enumKeyword;
            int bodyConditionals = 0;

            void Flush()
            {
                if (run.Count > 0)
                {
                    items.Add(new HeaderBodyItem(HeaderItemKind.Tokens, string.Empty, run.ToEquatableArray(), run[0].Line, run[0].Column));
                    run.Clear();
                }
            }

            while (true)
            {
                if (!_lexer.Next(out CToken token, out bool atLineStart))
                {
                    problem ??= "the enum body has no closing '}'";
                    break;
                }

                if (atLineStart && token.Is("#"))
                {
                    List<CToken> directive = _lexer.RestOfLine();
                    string name = directive.Count > 0 ? directive[0].Text : string.Empty;
                    if (bodyConditionals == 0 && (name == "endif" || name == "else" || name == "elif"))
                    {
                        // It closes a conditional opened outside the body: '#ifdef __midl / typedef [v1_enum] enum X {
                        // / #else / typedef enum X { / #endif', as MIDL writes enum heads. It belongs to the file's stack.
                        Directive(token, directive, inBody: false);
                        continue;
                    }

                    HeaderBodyItem? conditional = Directive(token, directive, inBody: true);
                    if (conditional is not null)
                    {
                        bodyConditionals += conditional.Kind == HeaderItemKind.If ? 1 : conditional.Kind == HeaderItemKind.EndIf ? -1 : 0;
                        Flush();
                        items.Add(conditional);
                    }

                    continue;
                }

                if (token.Is("}"))
                {
                    break;
                }

                if (token.Is("{") && problem is null)
                {
                    problem = "'{' inside an enum body";
                    problemAt = token;
                }

                run.Add(token);
            }

            Flush();
            List<string> typedefNames = Declarators(isTypedef);
            _enums.Add(new HeaderEnumDeclaration(
                tag,
                typedefNames.ToEquatableArray(),
                enumKeyword.Line,
                enumKeyword.Column,
                items.ToEquatableArray(),
                problem,
                problemAt.Line,
                problemAt.Column,
                uncertain));
        }

        /// <summary>After an enum body: the names up to ';', which a typedef declares (pointer names left out).</summary>
        private List<string> Declarators(bool isTypedef)
        {
            var names = new List<string>();
            bool pointer = false;
            while (NextToken(out CToken token))
            {
                if (token.Is(";"))
                {
                    break;
                }

                if (token.Is(","))
                {
                    pointer = false;
                }
                else if (token.Is("*"))
                {
                    pointer = true;
                }
                else if (token.Kind == CTokenKind.Identifier && !IsQualifier(token.Text))
                {
                    if (isTypedef && !pointer)
                    {
                        names.Add(token.Text);
                    }
                }
                else if (token.Is("{") || token.Is("}"))
                {
                    Statement(token);
                    break;
                }
            }

            _typedef = false;
            return names;
        }

        private static bool IsQualifier(string word)
            => word == "const" || word == "CONST" || word == "volatile" || word == "FAR" || word == "NEAR" || word == "__RPC_FAR" || word == "far" || word == "near";

        /// <summary>The next token that is not a directive (directives met on the way are handled).</summary>
        private bool NextToken(out CToken token)
        {
            while (_lexer.Next(out token, out bool atLineStart))
            {
                if (atLineStart && token.Is("#"))
                {
                    Directive(token, _lexer.RestOfLine(), inBody: false);
                    continue;
                }

                return true;
            }

            return false;
        }

        private void SkipParenthesized()
        {
            int depth = 0;
            while (NextToken(out CToken token))
            {
                if (token.Is("("))
                {
                    depth++;
                }
                else if (token.Is(")") && --depth <= 0)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// Handles a directive. At file scope conditionals update the condition stack; inside an enum body they are
        /// returned as body items instead (decided later). '#define' and '#undef' are recorded wherever they are.
        /// </summary>
        private HeaderBodyItem? Directive(CToken hash, List<CToken> tokens, bool inBody)
        {
            if (tokens.Count == 0 || tokens[0].Kind != CTokenKind.Identifier)
            {
                return null; // the null directive, or a '# 12 "file"' line marker
            }

            string name = tokens[0].Text;
            List<CToken> rest = tokens.GetRange(1, tokens.Count - 1);
            switch (name)
            {
                case "if":
                case "ifdef":
                case "ifndef":
                case "elif":
                case "else":
                case "endif":
                    if (inBody)
                    {
                        HeaderItemKind kind = name == "elif" ? HeaderItemKind.Elif : name == "else" ? HeaderItemKind.Else : name == "endif" ? HeaderItemKind.EndIf : HeaderItemKind.If;
                        return new HeaderBodyItem(kind, name, ConditionTokens(name, rest).ToEquatableArray(), hash.Line, hash.Column);
                    }

                    Conditional(name, rest, hash);
                    return null;
                case "define":
                    Define(rest, hash);
                    return null;
                case "undef":
                    if (rest.Count > 0 && Effective() != Tri.False)
                    {
                        _local.Remove(rest[0].Text);
                        _undefined.Add(rest[0].Text);
                    }

                    ClearGuardCandidate();
                    return null;
                default:
                    ClearGuardCandidate();
                    return null;
            }
        }

        /// <summary>The condition as '#if' tokens: '#ifdef X' is 'defined ( X )', '#ifndef X' is '! defined ( X )'.</summary>
        private static List<CToken> ConditionTokens(string directive, List<CToken> rest)
        {
            if ((directive != "ifdef" && directive != "ifndef") || rest.Count == 0)
            {
                return rest;
            }

            CToken macro = rest[0];
            var tokens = new List<CToken>();
            if (directive == "ifndef")
            {
                tokens.Add(new CToken(CTokenKind.Punctuator, "!", macro.Line, macro.Column));
            }

            tokens.Add(new CToken(CTokenKind.Identifier, "defined", macro.Line, macro.Column));
            tokens.Add(new CToken(CTokenKind.Punctuator, "(", macro.Line, macro.Column));
            tokens.Add(macro);
            tokens.Add(new CToken(CTokenKind.Punctuator, ")", macro.Line, macro.Column));
            return tokens;
        }

        private void Conditional(string directive, List<CToken> rest, CToken hash)
        {
            string text = "#" + directive + (rest.Count > 0 ? " " + Join(rest) : string.Empty);
            Tri parent = Effective();
            switch (directive)
            {
                case "if":
                case "ifdef":
                case "ifndef":
                    ClearGuardCandidate();
                    if (parent == Tri.False)
                    {
                        _frames.Add(new Frame(Tri.False, Tri.True, text));
                        return;
                    }

                    Tri value = Evaluate(ConditionTokens(directive, rest));
                    var frame = new Frame(value, value, text);
                    if (value == Tri.Unknown && IsGuardShaped(directive, rest, out string? guard))
                    {
                        frame.GuardCandidate = guard;
                    }

                    _frames.Add(frame);
                    return;
                case "elif":
                case "else":
                    ClearGuardCandidate();
                    if (_frames.Count == 0)
                    {
                        _problem ??= "'#" + directive + "' on line " + (hash.Line + 1) + " has no '#if'";
                        return;
                    }

                    Frame top = _frames[_frames.Count - 1];
                    _frames.RemoveAt(_frames.Count - 1);
                    Tri outer = Effective();
                    Tri condition = directive == "else" || outer == Tri.False || top.AnyTaken == Tri.True ? Tri.True : Evaluate(rest);
                    top.Current = And(Not(top.AnyTaken), condition);
                    top.AnyTaken = Or(top.AnyTaken, condition);
                    top.Text = text;
                    _frames.Add(top);
                    return;
                default:
                    ClearGuardCandidate();
                    if (_frames.Count == 0)
                    {
                        _problem ??= "'#endif' on line " + (hash.Line + 1) + " has no '#if'";
                        return;
                    }

                    _frames.RemoveAt(_frames.Count - 1);
                    return;
            }
        }

        /// <summary>'#ifndef X' or '#if !defined(X)': the shape of an include guard, if '#define X' follows at once.</summary>
        private static bool IsGuardShaped(string directive, List<CToken> rest, out string? guard)
        {
            guard = null;
            if (directive == "ifndef" && rest.Count == 1 && rest[0].Kind == CTokenKind.Identifier)
            {
                guard = rest[0].Text;
            }
            else if (directive == "if" && rest.Count >= 3 && rest[0].Is("!") && rest[1].IsIdentifier("defined"))
            {
                int p = rest[2].Is("(") ? 3 : 2;
                if (p < rest.Count && rest[p].Kind == CTokenKind.Identifier && rest.Count == (p == 3 ? 5 : 3))
                {
                    guard = rest[p].Text;
                }
            }

            return guard is not null;
        }

        private void Define(List<CToken> rest, CToken hash)
        {
            if (rest.Count == 0 || rest[0].Kind != CTokenKind.Identifier)
            {
                ClearGuardCandidate();
                return;
            }

            CToken name = rest[0];
            Frame? top = _frames.Count > 0 ? _frames[_frames.Count - 1] : null;
            if (top is not null && top.GuardCandidate == name.Text)
            {
                // '#ifndef X' then '#define X': an include guard, so its body is compiled.
                top.Current = Tri.True;
                top.AnyTaken = Tri.True;
            }

            ClearGuardCandidate();
            if (Effective() == Tri.False)
            {
                return;
            }

            var parameters = new List<string>();
            int bodyStart = 1;
            bool functionLike = rest.Count > 1 && rest[1].Is("(") && rest[1].Line == name.Line && rest[1].Column == name.Column + name.Text.Length;
            if (functionLike)
            {
                int p = 2;
                while (p < rest.Count && !rest[p].Is(")"))
                {
                    if (rest[p].Kind == CTokenKind.Identifier)
                    {
                        parameters.Add(rest[p].Text);
                    }
                    else if (rest[p].Is("..."))
                    {
                        parameters.Add("__VA_ARGS__");
                    }

                    p++;
                }

                bodyStart = Math.Min(p + 1, rest.Count);
            }

            var macro = new CMacro(name.Text, functionLike, parameters.ToEquatableArray(), rest.GetRange(bodyStart, rest.Count - bodyStart).ToEquatableArray(), _file.Path, hash.Line, UncertainCondition());
            if (macro.Uncertain is null || !_local.TryGetValue(name.Text, out CMacro? known) || known.Uncertain is not null)
            {
                _local[name.Text] = macro;
            }

            _undefined.Remove(name.Text);
            _macros.Add(macro);
        }

        private Tri Evaluate(List<CToken> condition)
        {
            if (condition.Count == 0)
            {
                return Tri.Unknown;
            }

            if (!CMacroExpander.TryExpand(condition, this, CMode.Condition, out List<CToken> expanded, out _, out _))
            {
                return Tri.Unknown;
            }

            CResult result = CExpression.Evaluate(expanded, NoSymbols.Instance, CMode.Condition);
            if (!result.Ok || result.Value.IsUnknown)
            {
                return Tri.Unknown;
            }

            return result.Value.IsNewest || !result.Value.Value.IsZero ? Tri.True : Tri.False;
        }

        private Tri Effective()
        {
            Tri state = Tri.True;
            foreach (Frame frame in _frames)
            {
                state = And(state, frame.Current);
            }

            return state;
        }

        /// <summary>The innermost condition that is neither true nor false here, or null.</summary>
        private string? UncertainCondition()
        {
            for (int i = _frames.Count - 1; i >= 0; i--)
            {
                if (_frames[i].Current == Tri.Unknown)
                {
                    return _frames[i].Text;
                }
            }

            return null;
        }

        private void ClearGuardCandidate()
        {
            if (_frames.Count > 0)
            {
                _frames[_frames.Count - 1].GuardCandidate = null;
            }
        }

        private static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

        private static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;

        private static Tri Not(Tri a) => a == Tri.True ? Tri.False : a == Tri.False ? Tri.True : Tri.Unknown;

        internal static string Join(IReadOnlyList<CToken> tokens)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < tokens.Count; i++)
            {
                if (i > 0 && NeedsSpace(tokens[i - 1], tokens[i]))
                {
                    sb.Append(' ');
                }

                sb.Append(tokens[i].Text);
                if (sb.Length > 200)
                {
                    return sb.ToString(0, 200) + "...";
                }
            }

            return sb.ToString();
        }

        private static bool NeedsSpace(CToken a, CToken b)
            => a.Line != b.Line || b.Column > a.Column + a.Text.Length;

        /// <summary>One open '#if': whether its current branch is compiled, and whether any branch was.</summary>
        private sealed class Frame
        {
            public Frame(Tri current, Tri anyTaken, string text)
            {
                Current = current;
                AnyTaken = anyTaken;
                Text = text;
            }

            public Tri Current { get; set; }

            public Tri AnyTaken { get; set; }

            public string Text { get; set; }

            /// <summary>For '#ifndef X' that may be an include guard: X, until anything but '#define X' follows.</summary>
            public string? GuardCandidate { get; set; }
        }

        /// <summary>Conditions use no enumeration constants.</summary>
        internal sealed class NoSymbols : ICSymbols
        {
            public static readonly NoSymbols Instance = new NoSymbols();

            public bool TryGetConstant(string name, out CValue value)
            {
                value = default;
                return false;
            }

            public bool IsEnumTypeName(string name) => false;
        }
    }
}
