using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing.C;

namespace TapiGen.Generator.Parsing.Headers
{
    /// <summary>
    /// Every listed header, read, and the one question asked of them: what is the enum a page names? Finds the
    /// declaration (typedef name, tag, or either without a leading '_' or 'tag'), then evaluates it with every
    /// header's macros and enums in reach: members of other enums, object-like and function-like macros, and the
    /// conditionals inside the body decided in <see cref="CEnvironment"/>'s configuration. What it cannot evaluate is
    /// a located <see cref="HeaderProblem"/>, never a guess. Value-equal by the headers it holds.
    /// </summary>
    internal sealed class HeaderIndex : IEquatable<HeaderIndex>
    {
        public static readonly HeaderIndex Empty = new HeaderIndex(EquatableArray<HeaderParse>.Empty);

        private readonly Lazy<Tables> _tables;

        public HeaderIndex(EquatableArray<HeaderParse> files)
        {
            Files = files;
            _tables = new Lazy<Tables>(() => new Tables(files), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The headers, sorted by path (ordinal), so the order they were listed in does not matter.</summary>
        public EquatableArray<HeaderParse> Files { get; }

        /// <summary>The headers' own problems (unreadable, unbalanced conditionals), reported with any enum found in them.</summary>
        public HeaderLookup Find(string pageName, CancellationToken cancellationToken)
        {
            if (Files.Count == 0)
            {
                return HeaderLookup.NoHeaders;
            }

            Tables tables = _tables.Value;
            List<Declaration> candidates = tables.Candidates(pageName);
            if (candidates.Count == 0)
            {
                // Not declared in what was read: a header that was not read at all (too large, unreadable) may declare it.
                List<HeaderProblem> unread = Files
                    .Where(f => f.Unread)
                    .Select(f => new HeaderProblem(f.Problem ?? "it cannot be read", f.Path, 0, 0))
                    .ToList();
                return new HeaderLookup(null, EquatableArray<HeaderProblem>.Empty, Files.Count, unread.ToEquatableArray());
            }

            var evaluator = new Evaluator(tables, cancellationToken);
            var found = new List<HeaderEnum>();
            var problems = new List<HeaderProblem>();
            foreach (Declaration candidate in candidates)
            {
                HeaderEnum? evaluated = evaluator.Evaluate(candidate, out HeaderProblem? problem);
                if (evaluated is not null)
                {
                    found.Add(evaluated);
                }
                else if (problem is not null)
                {
                    problems.Add(problem);
                }
            }

            if (problems.Count > 0)
            {
                return new HeaderLookup(null, problems.ToEquatableArray(), Files.Count, EquatableArray<HeaderProblem>.Empty);
            }

            // The same enum in two headers (Msp.h and Tapi3.h both declare MSP_ADDRESS_EVENT) is fine when they agree.
            HeaderEnum first = found[0];
            foreach (HeaderEnum other in found.Skip(1))
            {
                if (!SameMembers(first, other))
                {
                    problems.Add(new HeaderProblem(
                        "'" + pageName + "' is declared with different members here and in " + other.HeaderFileName + " line " + (other.Line + 1) + "; list only the header the code is compiled with",
                        first.HeaderPath,
                        first.Line,
                        first.Column));
                    return new HeaderLookup(null, problems.ToEquatableArray(), Files.Count, EquatableArray<HeaderProblem>.Empty);
                }
            }

            return new HeaderLookup(first, EquatableArray<HeaderProblem>.Empty, Files.Count, EquatableArray<HeaderProblem>.Empty);
        }

        /// <summary>Evaluates every named enum of every header: for tests and the benchmark, which read whole SDK folders.</summary>
        public IEnumerable<(HeaderParse File, HeaderEnumDeclaration Declaration, HeaderEnum? Enum, HeaderProblem? Problem)> EvaluateAll(CancellationToken cancellationToken = default)
        {
            Tables tables = _tables.Value;
            var evaluator = new Evaluator(tables, cancellationToken);
            foreach (Declaration declaration in tables.All)
            {
                if (declaration.Value.Tag is null && declaration.Value.TypedefNames.Count == 0)
                {
                    continue;
                }

                HeaderEnum? evaluated = evaluator.Evaluate(declaration, out HeaderProblem? problem);
                yield return (declaration.File, declaration.Value, evaluated, problem);
            }
        }

        public bool Equals(HeaderIndex? other) => other is not null && Files.Equals(other.Files);

        public override bool Equals(object? obj) => Equals(obj as HeaderIndex);

        public override int GetHashCode() => Files.GetHashCode();

        private static bool SameMembers(HeaderEnum a, HeaderEnum b)
        {
            if (a.Members.Count != b.Members.Count)
            {
                return false;
            }

            for (int i = 0; i < a.Members.Count; i++)
            {
                if (a.Members[i].Name != b.Members[i].Name || a.Members[i].Value != b.Members[i].Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The name a page's enum name matches without a leading '_', 'tag' or '_tag'.</summary>
        internal static string Normalize(string name)
        {
            string n = name.TrimStart('_');
            if (n.StartsWith("tag", StringComparison.Ordinal) && n.Length > 3)
            {
                n = n.Substring(3).TrimStart('_');
            }

            return n;
        }

        /// <summary>A declaration and the header it is in.</summary>
        private sealed class Declaration
        {
            public Declaration(HeaderParse file, HeaderEnumDeclaration value, int order)
            {
                File = file;
                Value = value;
                Order = order;
            }

            public HeaderParse File { get; }

            public HeaderEnumDeclaration Value { get; }

            public int Order { get; }

            public string DisplayName => Value.TypedefNames.Count > 0 ? Value.TypedefNames[0] : Value.Tag ?? "(anonymous)";
        }

        /// <summary>Lookups over all headers, built once per index.</summary>
        private sealed class Tables : ICMacros
        {
            private readonly Dictionary<string, List<Declaration>> _byTypedef = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Declaration>> _byTag = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Declaration>> _byNormalized = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Declaration>> _byMember = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
            private readonly Dictionary<string, CMacro> _macros = new Dictionary<string, CMacro>(StringComparer.Ordinal);
            private readonly Dictionary<string, FileMacros> _local = new Dictionary<string, FileMacros>(StringComparer.Ordinal);
            private readonly Dictionary<string, CMacro> _uncertain = new Dictionary<string, CMacro>(StringComparer.Ordinal);

            public Tables(EquatableArray<HeaderParse> files)
            {
                int order = 0;
                var byTagForAliases = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
                foreach (HeaderParse file in files)
                {
                    foreach (HeaderEnumDeclaration declaration in file.Enums)
                    {
                        var entry = new Declaration(file, declaration, order++);
                        All.Add(entry);
                        foreach (string name in declaration.TypedefNames)
                        {
                            Add(_byTypedef, name, entry);
                            Add(_byNormalized, Normalize(name), entry);
                        }

                        if (declaration.Tag is not null)
                        {
                            Add(_byTag, declaration.Tag, entry);
                            Add(_byNormalized, Normalize(declaration.Tag), entry);
                        }

                        foreach (string member in MemberNames(declaration))
                        {
                            Add(_byMember, member, entry);
                        }
                    }

                    var own = new Dictionary<string, CMacro>(StringComparer.Ordinal);
                    foreach (CMacro macro in file.Macros)
                    {
                        if (macro.Uncertain is not null)
                        {
                            // Never used, only named when something depends on it.
                            if (!_uncertain.ContainsKey(macro.Name))
                            {
                                _uncertain.Add(macro.Name, macro);
                            }

                            continue;
                        }

                        // The first definition wins, as when the headers are included in path order.
                        if (!_macros.ContainsKey(macro.Name))
                        {
                            _macros.Add(macro.Name, macro);
                        }

                        own[macro.Name] = macro;
                    }

                    _local.Add(file.Path, new FileMacros(own));
                }

                foreach (HeaderParse file in files)
                {
                    foreach (HeaderTypedefAlias alias in file.Aliases)
                    {
                        if (_byTag.TryGetValue(alias.Tag, out List<Declaration>? declarations))
                        {
                            foreach (Declaration d in declarations)
                            {
                                Add(_byTypedef, alias.Name, d);
                                Add(_byNormalized, Normalize(alias.Name), d);
                            }
                        }
                    }
                }
            }

            public List<Declaration> All { get; } = new List<Declaration>();

            /// <summary>Declarations for a page's name: by typedef name, else by tag, else by normalized name.</summary>
            public List<Declaration> Candidates(string pageName)
            {
                foreach (Dictionary<string, List<Declaration>> map in new[] { _byTypedef, _byTag })
                {
                    if (map.TryGetValue(pageName, out List<Declaration>? exact))
                    {
                        return exact.Distinct().OrderBy(d => d.Order).ToList();
                    }
                }

                return _byNormalized.TryGetValue(Normalize(pageName), out List<Declaration>? normalized)
                    ? normalized.Distinct().OrderBy(d => d.Order).ToList()
                    : new List<Declaration>();
            }

            /// <summary>The names that start members in any branch of the body (a name followed by '(' is a macro call).</summary>
            public static IEnumerable<string> MemberNames(HeaderEnumDeclaration declaration)
            {
                bool atStart = true;
                string? pending = null;
                int depth = 0;
                foreach (HeaderBodyItem item in declaration.Body)
                {
                    if (item.Kind != HeaderItemKind.Tokens)
                    {
                        continue;
                    }

                    foreach (CToken token in item.Tokens)
                    {
                        if (pending is not null && !token.Is("("))
                        {
                            yield return pending;
                        }

                        pending = null;
                        if (token.Is("(") || token.Is("["))
                        {
                            depth++;
                        }
                        else if ((token.Is(")") || token.Is("]")) && depth > 0)
                        {
                            depth--;
                        }
                        else if (token.Is(",") && depth == 0)
                        {
                            atStart = true;
                            continue;
                        }
                        else if (atStart && token.Kind == CTokenKind.Identifier)
                        {
                            pending = token.Text;
                        }

                        atStart = false;
                    }
                }

                if (pending is not null)
                {
                    yield return pending;
                }
            }

            public List<Declaration> DeclaringMember(string member)
                => _byMember.TryGetValue(member, out List<Declaration>? list) ? list : new List<Declaration>();

            public bool IsEnumTypeName(string name) => _byTypedef.ContainsKey(name) || _byTag.ContainsKey(name);

            public CMacro? Find(string name)
                => CEnvironment.Macro(name) ?? (_macros.TryGetValue(name, out CMacro? macro) ? macro : null);

            public bool? IsDefined(string name)
                => CEnvironment.IsDefined(name) ?? (_macros.ContainsKey(name) ? true : _uncertain.ContainsKey(name) ? (bool?)null : CEnvironment.IsOptOut(name) ? false : (bool?)null);

            /// <summary>
            /// Why a name is unknown, when a listed header defines it under a condition TapiGen cannot decide:
            /// "defined in DirectML.h line 26 under '#elif defined(NTDDI_WIN10_ZN) ...'"; else null.
            /// </summary>
            public string? UncertainDefinition(string name)
                => !_macros.ContainsKey(name) && _uncertain.TryGetValue(name, out CMacro? macro)
                    ? "defined in " + FileNames.Of(macro.File) + " line " + (macro.Line + 1) + " only under '" + macro.Uncertain + "', which TapiGen cannot decide"
                    : null;

            /// <summary>One header's own macros (and the built-in ones).</summary>
            public ICMacros Local(HeaderParse file) => _local.TryGetValue(file.Path, out FileMacros? macros) ? macros : (ICMacros)this;

            private static void Add(Dictionary<string, List<Declaration>> map, string key, Declaration value)
            {
                if (!map.TryGetValue(key, out List<Declaration>? list))
                {
                    list = new List<Declaration>();
                    map.Add(key, list);
                }

                list.Add(value);
            }
        }

        /// <summary>The macros one header defines (its last definition of each), with the built-in ones first.</summary>
        private sealed class FileMacros : ICMacros
        {
            private readonly Dictionary<string, CMacro> _macros;

            public FileMacros(Dictionary<string, CMacro> macros) => _macros = macros;

            public CMacro? Find(string name) => CEnvironment.Macro(name) ?? (_macros.TryGetValue(name, out CMacro? macro) ? macro : null);

            public bool? IsDefined(string name) => CEnvironment.IsDefined(name) ?? (_macros.ContainsKey(name) ? true : CEnvironment.IsOptOut(name) ? false : (bool?)null);
        }

        /// <summary>Evaluates declarations, each at most once, following references into other enums.</summary>
        private sealed class Evaluator
        {
            private readonly Tables _tables;
            private readonly CancellationToken _cancellationToken;
            private readonly Dictionary<Declaration, (HeaderEnum? Enum, HeaderProblem? Problem)> _done = new Dictionary<Declaration, (HeaderEnum?, HeaderProblem?)>();
            private readonly HashSet<Declaration> _inProgress = new HashSet<Declaration>();

            public Evaluator(Tables tables, CancellationToken cancellationToken)
            {
                _tables = tables;
                _cancellationToken = cancellationToken;
            }

            public HeaderEnum? Evaluate(Declaration declaration, out HeaderProblem? problem)
            {
                if (_done.TryGetValue(declaration, out var known))
                {
                    problem = known.Problem;
                    return known.Enum;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                _inProgress.Add(declaration);
                HeaderEnum? result = Run(declaration, out problem);
                _inProgress.Remove(declaration);
                _done[declaration] = (result, problem);
                return result;
            }

            private HeaderEnum? Run(Declaration declaration, out HeaderProblem? problem)
            {
                HeaderEnumDeclaration d = declaration.Value;
                string where = declaration.File.Path;
                if (d.Problem is not null)
                {
                    problem = new HeaderProblem("'" + declaration.DisplayName + "' cannot be read: " + d.Problem, where, d.ProblemLine, d.ProblemColumn);
                    return null;
                }

                // Preprocess first (decide the body's conditionals), then split what is compiled into members.
                var active = new List<CToken>();
                var conditions = new List<(bool Taken, bool AnyTaken)>();
                foreach (HeaderBodyItem item in d.Body)
                {
                    if (item.Kind != HeaderItemKind.Tokens)
                    {
                        if (!Condition(item, conditions, out problem, declaration))
                        {
                            return null;
                        }
                    }
                    else if (conditions.All(c => c.Taken))
                    {
                        active.AddRange(item.Tokens);
                    }
                }

                if (conditions.Count > 0)
                {
                    problem = new HeaderProblem("'" + declaration.DisplayName + "' has an '#if' without '#endif' in its body", where, d.Line, d.Column);
                    return null;
                }

                // Macros expand before the body is split, as in C: 'MAKE_ROUTE_PROTOCOL(RIP, 8)' in nldef.h makes members.
                // The body expands with its own header's macros only, its member names never: another listed header may
                // #define them (mq.h and MqOaI.h both give MQ_NO_TRANSACTION; a compilation includes one of the two).
                var ownNames = new HashSet<string>(Tables.MemberNames(d), StringComparer.Ordinal);
                if (!CMacroExpander.TryExpand(active, _tables.Local(declaration.File), CMode.Constant, ownNames, out List<CToken> expanded, out string? expansionError, out CToken errorAt))
                {
                    problem = new HeaderProblem("TapiGen cannot expand the body of '" + declaration.DisplayName + "': " + expansionError, where, errorAt.Line, errorAt.Column);
                    return null;
                }

                var members = new List<HeaderMember>();
                var values = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
                BigInteger? previous = null;
                foreach (List<CToken> tokens in SplitMembers(expanded))
                {
                    CToken name = tokens[0];
                    if (name.Kind != CTokenKind.Identifier)
                    {
                        problem = new HeaderProblem("'" + declaration.DisplayName + "' cannot be read: '" + name.Text + "' cannot start a member (a member is NAME or NAME = VALUE)", where, name.Line, name.Column);
                        return null;
                    }

                    if (tokens.Count > 1 && !tokens[1].Is("="))
                    {
                        problem = new HeaderProblem("'" + declaration.DisplayName + "' cannot be read: member '" + name.Text + "' is followed by '" + tokens[1].Text + "', not by '=' and its value", where, tokens[1].Line, tokens[1].Column);
                        return null;
                    }

                    if (tokens.Count == 2)
                    {
                        problem = new HeaderProblem("'" + declaration.DisplayName + "' cannot be read: member '" + name.Text + "' has '=' but no value", where, tokens[1].Line, tokens[1].Column);
                        return null;
                    }

                    BigInteger value;
                    ValueStyle style = ValueStyle.Decimal;
                    string? reference = null;
                    if (tokens.Count == 1)
                    {
                        value = previous.HasValue ? previous.Value + 1 : BigInteger.Zero;
                    }
                    else
                    {
                        List<CToken> expression = tokens.GetRange(2, tokens.Count - 2);
                        if (!Value(name.Text, expression, values, ownNames, declaration, out value, out bool sawHex, out problem))
                        {
                            return null;
                        }

                        if (expression.Count == 1 && expression[0].Kind == CTokenKind.Identifier && values.ContainsKey(expression[0].Text))
                        {
                            style = ValueStyle.Reference;
                            reference = expression[0].Text;
                        }
                        else if (sawHex)
                        {
                            style = ValueStyle.Hex;
                        }
                    }

                    if (values.ContainsKey(name.Text))
                    {
                        problem = new HeaderProblem("'" + declaration.DisplayName + "' declares member '" + name.Text + "' twice", where, name.Line, name.Column);
                        return null;
                    }

                    values[name.Text] = value;
                    previous = value;
                    members.Add(new HeaderMember(name.Text, value, style, reference, name.Line, name.Column));
                }

                problem = null;
                return new HeaderEnum(declaration.DisplayName, where, declaration.File.FileName, d.Line, d.Column, members.ToEquatableArray());
            }

            /// <summary>The compiled tokens of a body, split at the commas outside parentheses; empty members dropped.</summary>
            private static IEnumerable<List<CToken>> SplitMembers(List<CToken> tokens)
            {
                var member = new List<CToken>();
                int depth = 0;
                foreach (CToken token in tokens)
                {
                    if (token.Is("(") || token.Is("["))
                    {
                        depth++;
                    }
                    else if ((token.Is(")") || token.Is("]")) && depth > 0)
                    {
                        depth--;
                    }
                    else if (token.Is(",") && depth == 0)
                    {
                        if (member.Count > 0)
                        {
                            yield return member;
                            member = new List<CToken>();
                        }

                        continue;
                    }

                    member.Add(token);
                }

                if (member.Count > 0)
                {
                    yield return member;
                }
            }

            /// <summary>Applies one conditional directive of a body; false (with the problem) when it cannot be decided.</summary>
            private bool Condition(HeaderBodyItem item, List<(bool Taken, bool AnyTaken)> conditions, out HeaderProblem? problem, Declaration declaration)
            {
                problem = null;
                bool outerActive = conditions.Count == 0 || conditions.Take(conditions.Count - (item.Kind == HeaderItemKind.If ? 0 : 1)).All(c => c.Taken);
                switch (item.Kind)
                {
                    case HeaderItemKind.If:
                        if (!outerActive)
                        {
                            conditions.Add((false, true));
                            return true;
                        }

                        if (!Decide(item, declaration, out bool value, out problem))
                        {
                            return false;
                        }

                        conditions.Add((value, value));
                        return true;
                    case HeaderItemKind.Elif:
                    case HeaderItemKind.Else:
                        if (conditions.Count == 0)
                        {
                            problem = new HeaderProblem("'#" + item.Name + "' without '#if' in the body of '" + declaration.DisplayName + "'", declaration.File.Path, item.Line, item.Column);
                            return false;
                        }

                        var top = conditions[conditions.Count - 1];
                        bool taken = false;
                        if (outerActive && !top.AnyTaken)
                        {
                            taken = true;
                            if (item.Kind == HeaderItemKind.Elif && !Decide(item, declaration, out taken, out problem))
                            {
                                return false;
                            }
                        }

                        conditions[conditions.Count - 1] = (taken, top.AnyTaken || taken);
                        return true;
                    default:
                        if (conditions.Count == 0)
                        {
                            problem = new HeaderProblem("'#endif' without '#if' in the body of '" + declaration.DisplayName + "'", declaration.File.Path, item.Line, item.Column);
                            return false;
                        }

                        conditions.RemoveAt(conditions.Count - 1);
                        return true;
                }
            }

            private bool Decide(HeaderBodyItem item, Declaration declaration, out bool value, out HeaderProblem? problem)
            {
                value = false;
                problem = null;
                string text = DirectiveText(item);
                if (!CMacroExpander.TryExpand(item.Tokens, _tables, CMode.Condition, out List<CToken> expanded, out string? error, out _))
                {
                    problem = new HeaderProblem("TapiGen cannot decide '" + text + "' in the body of '" + declaration.DisplayName + "': " + error, declaration.File.Path, item.Line, item.Column);
                    return false;
                }

                CResult result = CExpression.Evaluate(expanded, HeaderReader.NoSymbols.Instance, CMode.Condition);
                if (!result.Ok || result.Value.IsUnknown)
                {
                    string? name = result.Value.UnknownName;
                    string why = !result.Ok ? result.Error!
                        : name is not null && _tables.UncertainDefinition(name) is { } uncertain ? "it depends on '" + name + "', " + uncertain + "; list the header those conditions depend on"
                        : "it depends on '" + name + "', which no listed header defines (TapiGen reads headers as " + CEnvironment.Description + "); list the header that defines it";
                    problem = new HeaderProblem("TapiGen cannot decide '" + text + "' in the body of '" + declaration.DisplayName + "': " + why, declaration.File.Path, item.Line, item.Column);
                    return false;
                }

                value = result.Value.IsNewest || !result.Value.Value.IsZero;
                return true;
            }

            /// <summary>The directive as written: '#ifdef X' was kept as 'defined ( X )' tokens.</summary>
            private static string DirectiveText(HeaderBodyItem item)
            {
                int macro = item.Name == "ifdef" ? 2 : item.Name == "ifndef" ? 3 : -1;
                return macro >= 0 && macro < item.Tokens.Count
                    ? "#" + item.Name + " " + item.Tokens[macro].Text
                    : "#" + item.Name + " " + HeaderReader.Join(item.Tokens);
            }

            private bool Value(string member, List<CToken> tokens, Dictionary<string, BigInteger> earlier, HashSet<string> ownNames, Declaration declaration, out BigInteger value, out bool sawHex, out HeaderProblem? problem)
            {
                value = default;
                sawHex = false;
                problem = null;
                string subject = "the value of '" + member + "' in '" + declaration.DisplayName + "'";

                // A value may use the macros of any listed header (the body's own were expanded already).
                if (!CMacroExpander.TryExpand(tokens, _tables, CMode.Constant, ownNames, out List<CToken> expanded, out string? error, out CToken at))
                {
                    problem = new HeaderProblem("TapiGen cannot evaluate " + subject + ": " + error, declaration.File.Path, at.Line, at.Column);
                    return false;
                }

                var symbols = new Symbols(this, earlier, declaration);
                CResult result = CExpression.Evaluate(expanded, symbols, CMode.Constant);
                if (symbols.Problem is not null)
                {
                    problem = symbols.Problem;
                    return false;
                }

                if (!result.Ok)
                {
                    string why = result.UnknownName is null ? result.Error!
                        : _tables.UncertainDefinition(result.UnknownName) is { } uncertain ? "'" + result.UnknownName + "' is " + uncertain + "; list the header those conditions depend on"
                        : "'" + result.UnknownName + "' is not a member of an enum or a macro in the listed headers; list the header that defines it";
                    problem = new HeaderProblem("TapiGen cannot evaluate " + subject + ": " + why, declaration.File.Path, result.ErrorAt.Line, result.ErrorAt.Column);
                    return false;
                }

                value = result.Value.Value;
                sawHex = result.SawHex;
                return true;
            }

            /// <summary>Names a value may use: this enum's earlier members, then any other listed enum's members.</summary>
            private sealed class Symbols : ICSymbols
            {
                private readonly Evaluator _owner;
                private readonly Dictionary<string, BigInteger> _earlier;
                private readonly Declaration _declaration;

                public Symbols(Evaluator owner, Dictionary<string, BigInteger> earlier, Declaration declaration)
                {
                    _owner = owner;
                    _earlier = earlier;
                    _declaration = declaration;
                }

                public HeaderProblem? Problem { get; private set; }

                public bool TryGetConstant(string name, out CValue value)
                {
                    if (_earlier.TryGetValue(name, out BigInteger own))
                    {
                        value = CValue.Enumerator(own);
                        return true;
                    }

                    foreach (Declaration other in _owner._tables.DeclaringMember(name))
                    {
                        if (other == _declaration || _owner._inProgress.Contains(other))
                        {
                            continue;
                        }

                        HeaderEnum? evaluated = _owner.Evaluate(other, out HeaderProblem? problem);
                        HeaderMember? member = evaluated?.Members.FirstOrDefault(m => m.Name == name);
                        if (member is not null)
                        {
                            value = CValue.Enumerator(member.Value);
                            return true;
                        }

                        if (evaluated is null && Problem is null)
                        {
                            Problem = problem;
                        }
                    }

                    value = default;
                    return false;
                }

                public bool IsEnumTypeName(string name) => _owner._tables.IsEnumTypeName(name);
            }
        }
    }
}
