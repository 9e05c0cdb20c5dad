using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Threading.Tasks;

namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>
    /// An independent oracle for enum values in Windows SDK headers: gcc evaluates the enum declarations taken from the
    /// headers, configured as "a current SDK compiling C for the newest Windows, desktop, x64" (see
    /// <see cref="OraclePrelude"/>).
    /// <para>
    /// Per header: the header's directives and enum declarations are taken out by plain text processing (comments
    /// stripped, enums with a body found by brace matching, every #if/#ifdef/#elif/#else/#endif, #define, #undef and
    /// #pragma push_macro/pop_macro kept in order, #include, #error and other pragmas dropped). The enums are written
    /// as <c>enum TAG { body };</c> (typedef and declarators dropped, the body as it is with its directives) into a C
    /// file behind the prelude. <c>gcc -E -P -dD</c> then decides, as the compiler does, which enums the configuration
    /// compiles (every conditional is kept, so an enum in <c>#ifdef __cplusplus</c> or in the older branch of an NTDDI
    /// test is reported as inactive, with the branch that was not taken) and which branches of the body count; its
    /// output, split at top-level commas, gives the enumerator names. Then <c>gcc -S</c> compiles the preprocessed
    /// enums with an array of every enumerator's value and sign, read back from the assembly: the same as running a
    /// program that prints them, without linking and running one per header. Values are exact: signed when negative,
    /// unsigned otherwise, up to 0xFFFFFFFFFFFFFFFF. An enum with a fixed underlying type (<c>enum X : BYTE</c>, which
    /// gcc 12 does not take in C) is compiled without it and its values converted to that type.
    /// </para>
    /// <para>
    /// Headers are evaluated in the order given, and a later header sees what the earlier ones left (macros, enum
    /// members) as far as it refers to it (<see cref="ContextTable"/>). When gcc rejects something, the oracle leaves out
    /// the part the error points at and tries again: a bad #if is taken as false, a bad #define dropped, an enum that
    /// does not compile reported with gcc's first error for it, so one bad enum does not cost the header.
    /// </para>
    /// <para>
    /// Anonymous enums (no tag, no typedef name) are evaluated and reported too (<see cref="OracleEnum.IsAnonymous"/>):
    /// they are compiled anyway, since named enums refer to their members. An enum with no enumerators (MSVC takes
    /// <c>enum { }</c>) is reported with none. When the head is written in several branches (<c>#ifdef __midl</c>
    /// typedef [v1_enum] enum X { <c>#else</c> typedef enum X { <c>#endif</c>), the branches stay for gcc to choose
    /// and the line is that of the last head's enum keyword.
    /// </para>
    /// <para>
    /// A value is the value of the enumerator's constant expression as gcc computes it, not truncated to int as MSVC
    /// stores the enumerators of an enum without a fixed type: <c>0x80000000</c> is 2147483648 (what MIDL and the
    /// documentation mean), while <c>(LONG)0x80000000</c> and <c>1 &lt;&lt; 31</c> are -2147483648 on both.
    /// </para>
    /// </summary>
    public static class CCompilerOracle
    {
        /// <summary>Reason prefix: the enum is inside an #if branch the configuration does not take.</summary>
        public const string Inactive = "inactive";

        /// <summary>Reason prefix: gcc rejects the enum (the message is gcc's first error for it).</summary>
        public const string DoesNotCompile = "does not compile";

        /// <summary>Reason prefix: the text processing could not take the enum out (unbalanced conditionals, no closing brace).</summary>
        public const string NotExtracted = "not extracted";

        /// <summary>Reason prefix: C++ only (enum class) in code C compiles.</summary>
        public const string NotC = "not C";

        /// <summary>Reason prefix: gcc's preprocessor rejected a directive (taken as false or dropped) or the enum's text.</summary>
        public const string PreprocessorError = "preprocessor error";

        /// <summary>Reason prefix: the whole header could not be evaluated.</summary>
        public const string HeaderFailed = "header failed";

        /// <summary>Longest a single gcc run may take.</summary>
        public static TimeSpan GccTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>gcc -E runs per header at most: each leaves out or neutralizes every directive gcc rejected.</summary>
        private const int MaxPreprocessAttempts = 40;

        /// <summary>gcc -S runs per header at most before the enums are tried one at a time: each run leaves out every
        /// enum gcc rejected, so only chains (B refers to A, which failed) need more than two.</summary>
        private const int MaxCompileAttempts = 20;

        public static OracleResult Evaluate(IReadOnlyList<string> headerPaths)
        {
            string work = Path.Combine(Path.GetTempPath(), "tapigen-oracle-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                File.WriteAllText(Path.Combine(work, "prelude.h"), OraclePrelude.Text);
                var context = new ContextTable();
                var outcomes = new HeaderOutcome[headerPaths.Count];
                using var queue = new BlockingCollection<Prepared>(boundedCapacity: 32);
                Task[] workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
                    .Select(_ => Task.Factory.StartNew(
                        () =>
                        {
                            foreach (Prepared prepared in queue.GetConsumingEnumerable())
                            {
                                outcomes[prepared.Index] = Compile(prepared, work);
                            }
                        },
                        TaskCreationOptions.LongRunning))
                    .ToArray();
                try
                {
                    // Preprocessing is sequential (each header's context comes from the earlier ones); compiling is not.
                    for (int i = 0; i < headerPaths.Count; i++)
                    {
                        Prepared prepared = Prepare(i, headerPaths[i], context, work);
                        if (prepared.Fatal is not null)
                        {
                            outcomes[i] = new HeaderOutcome(new List<OracleEnum>(), prepared.Failures);
                        }
                        else
                        {
                            queue.Add(prepared);
                        }
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                    Task.WaitAll(workers);
                }

                return new OracleResult(
                    outcomes.SelectMany(o => o.Enums).ToList(),
                    outcomes.SelectMany(o => o.Failures).ToList());
            }
            finally
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                    // a leftover temp folder is not worth failing a test for
                }
            }
        }

        private sealed record HeaderOutcome(List<OracleEnum> Enums, List<string> Failures);

        private enum OriginKind
        {
            Prelude,
            ContextEnum,
            ContextMacro,
            Body,
            Enum,
        }

        private readonly record struct Origin(OriginKind Kind, int Index);

        private sealed record Branch(int Line, string Text, int OpenLine, string OpenText)
        {
            public string? Error { get; set; }
        }

        private sealed class EnumPlan
        {
            public EnumPlan(int index, EnumItem item, int[] branches)
            {
                Index = index;
                Item = item;
                Branches = branches;
            }

            public int Index { get; }

            public EnumItem Item { get; }

            public int[] Branches { get; }

            public bool Active { get; set; }

            public string? Failure { get; set; }

            public List<string> Members { get; set; } = new List<string>();

            public string Display => Item.Tag ?? (Item.TypedefNames.Count > 0 ? Item.TypedefNames[0] : "<anonymous>");
        }

        private sealed class Prepared
        {
            public Prepared(int index, string path)
            {
                Index = index;
                Path = path;
            }

            public int Index { get; }

            public string Path { get; }

            public List<EnumPlan> Plans { get; } = new List<EnumPlan>();

            public List<string> Failures { get; } = new List<string>();

            public string? Fatal { get; set; }

            /// <summary>The preprocessed code to compile, line by line, and where each line came from.</summary>
            public List<string> Lines { get; } = new List<string>();

            public List<Origin> Origins { get; } = new List<Origin>();

            public void Fail(EnumPlan plan, string reason)
            {
                plan.Failure ??= reason;
            }

            public void FailHeader(string reason)
            {
                Fatal = reason;
                Failures.Add($"{Path}: {HeaderFailed}: {reason}");
            }
        }

        // ---------------------------------------------------------------------------------------------------------
        // Preprocessing: extract, write the C file, let gcc -E choose the branches, read names and context from it.
        // ---------------------------------------------------------------------------------------------------------

        private static Prepared Prepare(int index, string path, ContextTable context, string work)
        {
            var prepared = new Prepared(index, path);
            List<ScanItem> items;
            try
            {
                items = HeaderScanner.Scan(File.ReadAllText(path));
            }
            catch (IOException e)
            {
                prepared.FailHeader("cannot read: " + e.Message);
                return prepared;
            }

            // What each directive becomes in the C file: its (rewritten) text, "#if 0" once gcc rejected it, or nothing.
            var directiveText = new Dictionary<int, string?>();
            var branches = new List<Branch>();
            var branchOfItem = new Dictionary<int, int>();
            var planOfItem = new Dictionary<int, EnumPlan>();
            var stack = new Stack<int>();
            for (int i = 0; i < items.Count; i++)
            {
                switch (items[i])
                {
                    case DirectiveItem d:
                        directiveText[i] = d.Kind == DirectiveKind.Dropped ? null : CText.RewriteForLlp64(d.Text);
                        if (d.Kind == DirectiveKind.If)
                        {
                            branches.Add(new Branch(d.Line, d.Text, d.Line, d.Text));
                            branchOfItem[i] = branches.Count - 1;
                            stack.Push(branches.Count - 1);
                        }
                        else if ((d.Kind == DirectiveKind.Elif || d.Kind == DirectiveKind.Else) && stack.Count > 0)
                        {
                            Branch open = branches[stack.Pop()];
                            branches.Add(new Branch(d.Line, d.Text, open.OpenLine, open.OpenText));
                            branchOfItem[i] = branches.Count - 1;
                            stack.Push(branches.Count - 1);
                        }
                        else if (d.Kind == DirectiveKind.Endif && stack.Count > 0)
                        {
                            stack.Pop();
                        }

                        break;
                    case EnumItem e:
                        var plan = new EnumPlan(prepared.Plans.Count, e, stack.Reverse().ToArray());
                        prepared.Plans.Add(plan);
                        planOfItem[i] = plan;
                        if (e.Problem is not null)
                        {
                            prepared.Fail(plan, NotExtracted + ": " + e.Problem);
                        }

                        break;
                }
            }

            // Names the header declares itself: no context entry may take them.
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (EnumPlan plan in prepared.Plans)
            {
                if (plan.Item.Tag is not null)
                {
                    declared.Add(plan.Item.Tag);
                }

                declared.UnionWith(plan.Item.DeclaredNames);
            }

            var droppedContextEnums = new HashSet<int>();
            var droppedContextMacros = new HashSet<string>(StringComparer.Ordinal);
            string source = Path.Combine(work, $"h{index}.c");
            string? output = null;
            List<Origin> origins = new List<Origin>();
            List<ContextEnum> contextEnums = new List<ContextEnum>();
            List<ContextMacro> contextMacros = new List<ContextMacro>();
            for (int attempt = 0; attempt < MaxPreprocessAttempts && output is null; attempt++)
            {
                var body = new List<(string Text, int Item)>();
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] is DirectiveItem)
                    {
                        if (directiveText[i] is string text)
                        {
                            body.Add((text, i));
                            if (branchOfItem.TryGetValue(i, out int b))
                            {
                                body.Add(("#pragma tapi_branch " + b.ToString(CultureInfo.InvariantCulture), i));
                            }
                        }
                    }
                    else if (items[i] is EnumItem e)
                    {
                        EnumPlan plan = planOfItem[i];
                        if (plan.Failure is not null)
                        {
                            continue;
                        }

                        string n = plan.Index.ToString(CultureInfo.InvariantCulture);
                        body.Add(("#pragma tapi_enum_begin " + n, i));
                        if (!e.Scoped)
                        {
                            string head = e.HeadText is null ? "enum " + (e.Tag is null ? "" : e.Tag + " ") + "{" : CText.RewriteForLlp64(e.HeadText);
                            string declaration = head + CText.RewriteForLlp64(e.Body) + "};";
                            foreach (string line in declaration.Split('\n'))
                            {
                                body.Add((line, i));
                            }

                            if (e.UnderlyingType is not null)
                            {
                                body.Add(("typedef " + CText.RewriteForLlp64(e.UnderlyingType) + " __tapi_t_" + n + ";", i));
                            }
                        }

                        body.Add(("#pragma tapi_enum_end " + n, i));
                    }
                }

                {
                    var identifiers = new HashSet<string>(StringComparer.Ordinal);
                    foreach ((string text, _) in body)
                    {
                        identifiers.UnionWith(ContextTable.Identifiers(text));
                    }

                    (contextEnums, contextMacros) = context.Closure(identifiers, declared);
                    contextEnums.RemoveAll(c => droppedContextEnums.Contains(c.Id));
                    contextMacros.RemoveAll(c => droppedContextMacros.Contains(c.Name));
                }

                var file = new StringBuilder();
                origins = new List<Origin>();
                void Line(string text, Origin origin)
                {
                    file.Append(text).Append('\n');
                    origins.Add(origin);
                }

                Line("#include \"prelude.h\"", new Origin(OriginKind.Prelude, 0));
                foreach (ContextEnum c in contextEnums)
                {
                    var origin = new Origin(OriginKind.ContextEnum, c.Id);
                    Line("#pragma tapi_context_begin " + c.Id.ToString(CultureInfo.InvariantCulture), origin);
                    foreach (string line in c.Text.Split('\n'))
                    {
                        Line(line, origin);
                    }

                    Line("#pragma tapi_context_end", origin);
                }

                for (int m = 0; m < contextMacros.Count; m++)
                {
                    Line(contextMacros[m].Line, new Origin(OriginKind.ContextMacro, m));
                }

                Line("#pragma tapi_body", new Origin(OriginKind.Prelude, 0));
                foreach ((string text, int item) in body)
                {
                    Line(text, new Origin(OriginKind.Body, item));
                }

                File.WriteAllText(source, file.ToString());
                Gcc.Output result;
                try
                {
                    result = Gcc.Run(
                        new[] { "-E", "-P", "-dD", "-undef", "-nostdinc", "-std=gnu17", "-w", "-I", SdkHeaders.Shared, "-I", work, source },
                        work,
                        GccTimeout);
                }
                catch (TimeoutException e)
                {
                    prepared.FailHeader("gcc -E: " + e.Message);
                    return prepared;
                }

                if (result.ExitCode == 0)
                {
                    output = result.StandardOutput;
                    break;
                }

                // Leave out what each error points at, and try again.
                bool progress = false;
                List<Gcc.Error> errors = Gcc.Errors(result.StandardError);
                foreach (Gcc.Error error in errors)
                {
                    if (!string.Equals(Path.GetFileName(error.File), Path.GetFileName(source), StringComparison.Ordinal) || error.Line < 1 || error.Line > origins.Count)
                    {
                        continue;
                    }

                    Origin origin = origins[error.Line - 1];
                    switch (origin.Kind)
                    {
                        case OriginKind.ContextEnum:
                            progress |= droppedContextEnums.Add(origin.Index);
                            break;
                        case OriginKind.ContextMacro:
                            progress |= droppedContextMacros.Add(contextMacros[origin.Index].Name);
                            break;
                        case OriginKind.Body when items[origin.Index] is DirectiveItem d:
                            string? now = directiveText[origin.Index];
                            if (now is null)
                            {
                                break;
                            }

                            string replacement = d.Kind == DirectiveKind.If ? "#if 0" : d.Kind == DirectiveKind.Elif ? "#elif 0" : "";
                            if (replacement.Length > 0 && now != replacement)
                            {
                                directiveText[origin.Index] = replacement;
                                if (branchOfItem.TryGetValue(origin.Index, out int failed))
                                {
                                    branches[failed].Error = error.Message;
                                }

                                prepared.Failures.Add($"{path}({d.Line}): {PreprocessorError}: {d.Text}: {error.Message}; taken as false");
                            }
                            else
                            {
                                directiveText[origin.Index] = null;
                                if (now != replacement)
                                {
                                    prepared.Failures.Add($"{path}({d.Line}): {PreprocessorError}: {d.Text}: {error.Message}; left out");
                                }
                            }

                            progress = true;
                            break;
                        case OriginKind.Body when planOfItem.TryGetValue(origin.Index, out EnumPlan? plan) && plan.Failure is null:
                            prepared.Fail(plan, PreprocessorError + ": " + error.Message);
                            progress = true;
                            break;
                    }
                }

                if (!progress)
                {
                    prepared.FailHeader("gcc -E: " + Gcc.FirstErrorLine(result.StandardError));
                    return prepared;
                }
            }

            if (output is null)
            {
                prepared.FailHeader($"gcc -E still failed after {MaxPreprocessAttempts} attempts");
                return prepared;
            }

            ReadPreprocessed(prepared, output, context, branches);
            return prepared;
        }

        /// <summary>
        /// Reads gcc -E -P -dD output: which branches and enums are active, the code to compile, the enumerator names, and
        /// what the header leaves for the later ones (its #define/#undef in order, its enums).
        /// </summary>
        private static void ReadPreprocessed(Prepared prepared, string output, ContextTable context, List<Branch> branches)
        {
            var activeBranches = new HashSet<int>();
            var enumText = new Dictionary<int, StringBuilder>();
            var updates = new List<(string? Directive, int Enum)>();
            var origin = new Origin(OriginKind.Prelude, 0);
            bool inBody = false;
            foreach (string raw in output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith("#pragma tapi_", StringComparison.Ordinal))
                {
                    string[] words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    int number = words.Length > 2 ? int.Parse(words[2], CultureInfo.InvariantCulture) : 0;
                    switch (words[1])
                    {
                        case "tapi_context_begin":
                            origin = new Origin(OriginKind.ContextEnum, number);
                            break;
                        case "tapi_context_end":
                            origin = new Origin(OriginKind.Prelude, 0);
                            break;
                        case "tapi_body":
                            inBody = true;
                            origin = new Origin(OriginKind.Prelude, 0);
                            break;
                        case "tapi_branch":
                            activeBranches.Add(number);
                            break;
                        case "tapi_enum_begin":
                            origin = new Origin(OriginKind.Enum, number);
                            prepared.Plans[number].Active = true;
                            enumText[number] = new StringBuilder();
                            updates.Add((null, number));
                            break;
                        case "tapi_enum_end":
                            origin = new Origin(OriginKind.Prelude, 0);
                            break;
                    }

                    continue;
                }

                if (trimmed.StartsWith('#'))
                {
                    if (inBody && (trimmed.StartsWith("#define ", StringComparison.Ordinal) || trimmed.StartsWith("#undef ", StringComparison.Ordinal)))
                    {
                        updates.Add((trimmed, -1));
                    }

                    continue;
                }

                if (trimmed.Length == 0)
                {
                    continue;
                }

                prepared.Lines.Add(line);
                prepared.Origins.Add(origin);
                if (origin.Kind == OriginKind.Enum)
                {
                    enumText[origin.Index].Append(line).Append('\n');
                }
            }

            var declarations = new Dictionary<int, string>();
            foreach (EnumPlan plan in prepared.Plans)
            {
                if (plan.Failure is not null)
                {
                    continue;
                }

                if (!plan.Active)
                {
                    prepared.Fail(plan, InactiveReason(plan, branches, activeBranches));
                    continue;
                }

                if (plan.Item.Scoped)
                {
                    prepared.Fail(plan, NotC + ": enum class is C++, but this one is in code C compiles");
                    continue;
                }

                string text = enumText[plan.Index].ToString();
                int open = text.IndexOf('{');
                int close = open < 0 ? -1 : MatchingBrace(text, open);
                if (close < 0)
                {
                    prepared.Fail(plan, PreprocessorError + ": no body left after preprocessing");
                    continue;
                }

                plan.Members = HeaderScanner.MemberNames(text.Substring(open + 1, close - open - 1));
                declarations[plan.Index] = text.Substring(0, close + 1) + ";";
            }

            foreach ((string? directive, int n) in updates)
            {
                if (directive is not null)
                {
                    if (directive.StartsWith("#define", StringComparison.Ordinal))
                    {
                        context.Define(directive);
                    }
                    else
                    {
                        context.Undefine(directive);
                    }
                }
                else if (declarations.TryGetValue(n, out string? declaration) && prepared.Plans[n].Members.Count > 0)
                {
                    context.AddEnum(prepared.Plans[n].Item.Tag, declaration, prepared.Plans[n].Members);
                }
            }
        }

        private static string InactiveReason(EnumPlan plan, List<Branch> branches, HashSet<int> activeBranches)
        {
            foreach (int b in plan.Branches)
            {
                if (!activeBranches.Contains(b))
                {
                    Branch branch = branches[b];
                    string where = branch.Line == branch.OpenLine
                        ? $"{branch.Text} (line {branch.Line}) is false"
                        : $"{branch.Text} (line {branch.Line}) of {branch.OpenText} (line {branch.OpenLine}) is not taken";
                    return $"{Inactive}: {where}" + (branch.Error is null ? "" : $" (gcc could not evaluate it: {branch.Error})");
                }
            }

            return Inactive + ": not compiled in this configuration";
        }

        private static int MatchingBrace(string text, int open)
        {
            int depth = 0;
            foreach (CToken token in CText.Tokenize(text, open))
            {
                if (token.Is(text, "{"))
                {
                    depth++;
                }
                else if (token.Is(text, "}") && --depth == 0)
                {
                    return token.Start;
                }
            }

            return -1;
        }

        // ---------------------------------------------------------------------------------------------------------
        // Compiling: the preprocessed enums and an array of every value, gcc -S, the values read from the assembly.
        // ---------------------------------------------------------------------------------------------------------

        private static HeaderOutcome Compile(Prepared prepared, string work)
        {
            try
            {
                return CompileCore(prepared, work);
            }
            catch (Exception e) when (e is TimeoutException or IOException or InvalidDataException)
            {
                return new HeaderOutcome(new List<OracleEnum>(), new List<string>(prepared.Failures) { $"{prepared.Path}: {HeaderFailed}: {e.Message}" });
            }
        }

        private static HeaderOutcome CompileCore(Prepared prepared, string work)
        {
            var blank = new bool[prepared.Lines.Count];
            var values = new Dictionary<int, List<BigInteger>>();

            // An enum with no enumerators (WebServices.h has some: MSVC takes enum { }, gcc does not) has no values to
            // ask for: it is reported with no members and left out of the C file.
            foreach (EnumPlan empty in prepared.Plans.Where(p => p.Failure is null && p.Members.Count == 0))
            {
                Blank(prepared, blank, OriginKind.Enum, empty.Index);
            }

            for (int attempt = 0; ; attempt++)
            {
                List<EnumPlan> live = prepared.Plans.Where(p => p.Failure is null && p.Members.Count > 0).ToList();
                if (live.Count == 0)
                {
                    break;
                }

                Trial trial = RunTrial(prepared, work, blank, live);
                if (trial.Values is not null)
                {
                    foreach (KeyValuePair<int, List<BigInteger>> pair in trial.Values)
                    {
                        values[pair.Key] = pair.Value;
                    }

                    break;
                }

                // Leave out the enums the errors point at (and earlier headers' enums that no longer compile), again.
                bool progress = false;
                foreach (Gcc.Error error in trial.Errors)
                {
                    if (trial.ArrayPlan(error.Line) is EnumPlan plan)
                    {
                        if (plan.Failure is null)
                        {
                            prepared.Fail(plan, DoesNotCompile + ": " + error.Message);
                            Blank(prepared, blank, OriginKind.Enum, plan.Index);
                            progress = true;
                        }
                    }
                    else if (error.Line >= 1 && error.Line <= prepared.Lines.Count && !blank[error.Line - 1])
                    {
                        Origin origin = prepared.Origins[error.Line - 1];
                        if (origin.Kind == OriginKind.Enum)
                        {
                            prepared.Fail(prepared.Plans[origin.Index], DoesNotCompile + ": " + error.Message);
                        }

                        if (origin.Kind is OriginKind.Enum or OriginKind.ContextEnum)
                        {
                            Blank(prepared, blank, origin.Kind, origin.Index);
                            progress = true;
                        }
                    }
                }

                if (!progress || attempt >= MaxCompileAttempts)
                {
                    OneByOne(prepared, work, blank, live.Where(p => p.Failure is null).ToList(), values, trial.Stderr);
                    break;
                }
            }

            var enums = new List<OracleEnum>();
            var rows = new List<(int Line, string Text)>();
            foreach (EnumPlan plan in prepared.Plans)
            {
                if (plan.Failure is not null)
                {
                    rows.Add((plan.Item.Line, $"{prepared.Path}({plan.Item.Line}): enum {plan.Display}: {plan.Failure}"));
                    continue;
                }

                List<BigInteger> list = values.TryGetValue(plan.Index, out List<BigInteger>? found) ? found : new List<BigInteger>();
                enums.Add(new OracleEnum(
                    plan.Item.Tag,
                    plan.Item.TypedefNames,
                    prepared.Path,
                    plan.Item.Line,
                    plan.Members.Select((m, k) => new OracleMember(m, list[k])).ToList()));
            }

            // Header-level notes first (preprocessor errors), then the enums' reasons in text order.
            var failures = new List<string>(prepared.Failures);
            failures.AddRange(rows.OrderBy(r => r.Line).Select(r => r.Text));
            return new HeaderOutcome(enums, failures);
        }

        /// <summary>
        /// When gcc's errors point at nothing the oracle can leave out: every enum still in the running on its own, in
        /// order, each kept (for the later ones to refer to) when it compiles.
        /// </summary>
        private static void OneByOne(Prepared prepared, string work, bool[] blank, List<EnumPlan> remaining, Dictionary<int, List<BigInteger>> values, string stderr)
        {
            var kept = (bool[])blank.Clone();
            foreach (EnumPlan plan in remaining)
            {
                Blank(prepared, kept, OriginKind.Enum, plan.Index);
            }

            foreach (EnumPlan plan in remaining)
            {
                var with = (bool[])kept.Clone();
                for (int l = 0; l < prepared.Origins.Count; l++)
                {
                    if (prepared.Origins[l].Kind == OriginKind.Enum && prepared.Origins[l].Index == plan.Index && !blank[l])
                    {
                        with[l] = false;
                    }
                }

                Trial trial = RunTrial(prepared, work, with, new List<EnumPlan> { plan });
                if (trial.Values is not null)
                {
                    values[plan.Index] = trial.Values[plan.Index];
                    kept = with;
                }
                else
                {
                    string message = trial.Errors.Count > 0 ? trial.Errors[0].Message : Gcc.FirstErrorLine(trial.Stderr);
                    prepared.Fail(plan, DoesNotCompile + " (on its own, after the header did not): " + message);
                }
            }
        }

        private sealed class Trial
        {
            public Dictionary<int, List<BigInteger>>? Values { get; init; }

            public List<Gcc.Error> Errors { get; init; } = new List<Gcc.Error>();

            public string Stderr { get; init; } = "";

            public int FirstArrayLine { get; init; }

            public List<EnumPlan> ArrayLines { get; init; } = new List<EnumPlan>();

            public EnumPlan? ArrayPlan(int line)
                => line >= FirstArrayLine && line < FirstArrayLine + ArrayLines.Count ? ArrayLines[line - FirstArrayLine] : null;
        }

        /// <summary>Compiles the lines not blanked and an array of the values of <paramref name="plans"/>' members.</summary>
        private static Trial RunTrial(Prepared prepared, string work, bool[] blank, List<EnumPlan> plans)
        {
            string source = Path.Combine(work, $"h{prepared.Index}.i");
            string assembly = Path.Combine(work, $"h{prepared.Index}.s");
            var file = new StringBuilder();
            for (int l = 0; l < prepared.Lines.Count; l++)
            {
                file.Append(blank[l] ? "" : prepared.Lines[l]).Append('\n');
            }

            // One line per enumerator: its value and whether it is negative, as long longs.
            var arrayLines = new List<EnumPlan>();
            file.Append("const long long tapi_v[] = {\n");
            int firstArrayLine = prepared.Lines.Count + 2;
            foreach (EnumPlan plan in plans)
            {
                string cast = plan.Item.UnderlyingType is null ? "" : "(__tapi_t_" + plan.Index.ToString(CultureInfo.InvariantCulture) + ")";
                foreach (string member in plan.Members)
                {
                    file.Append("(long long)").Append(cast).Append('(').Append(member).Append("), (long long)(").Append(cast).Append('(').Append(member).Append(") < 0),\n");
                    arrayLines.Add(plan);
                }
            }

            file.Append("};\n");
            File.WriteAllText(source, file.ToString());
            Gcc.Output result = Gcc.Run(new[] { "-S", "-x", "cpp-output", "-std=gnu17", "-w", "-O0", "-o", assembly, source }, work, GccTimeout);
            if (result.ExitCode != 0)
            {
                return new Trial
                {
                    Errors = Gcc.Errors(result.StandardError).Where(e => string.Equals(Path.GetFileName(e.File), Path.GetFileName(source), StringComparison.Ordinal)).ToList(),
                    Stderr = result.StandardError,
                    FirstArrayLine = firstArrayLine,
                    ArrayLines = arrayLines,
                };
            }

            List<long> words = ReadArray(File.ReadAllText(assembly), "tapi_v");
            if (words.Count != arrayLines.Count * 2)
            {
                throw new InvalidDataException($"the assembly has {words.Count} words for {arrayLines.Count} enumerators");
            }

            var values = new Dictionary<int, List<BigInteger>>();
            for (int k = 0; k < arrayLines.Count; k++)
            {
                long word = words[2 * k];
                bool negative = words[(2 * k) + 1] != 0;
                BigInteger value = negative || word >= 0 ? word : new BigInteger(word) + (BigInteger.One << 64);
                if (!values.TryGetValue(arrayLines[k].Index, out List<BigInteger>? list))
                {
                    values[arrayLines[k].Index] = list = new List<BigInteger>();
                }

                list.Add(value);
            }

            return new Trial { Values = values };
        }

        private static void Blank(Prepared prepared, bool[] blank, OriginKind kind, int index)
        {
            for (int l = 0; l < prepared.Origins.Count; l++)
            {
                if (prepared.Origins[l].Kind == kind && prepared.Origins[l].Index == index)
                {
                    blank[l] = true;
                }
            }
        }

        /// <summary>The 64-bit words of the array <paramref name="label"/> in gcc's x86-64 assembly (.quad, .zero).</summary>
        private static List<long> ReadArray(string assembly, string label)
        {
            var words = new List<long>();
            bool inside = false;
            foreach (string raw in assembly.Split('\n'))
            {
                string line = raw.Trim();
                if (!inside)
                {
                    inside = line == label + ":";
                    continue;
                }

                if (line.StartsWith(".quad", StringComparison.Ordinal))
                {
                    words.Add(long.Parse(line.Substring(5).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                }
                else if (line.StartsWith(".zero", StringComparison.Ordinal))
                {
                    int bytes = int.Parse(line.Substring(5).Trim(), CultureInfo.InvariantCulture);
                    if (bytes % 8 != 0)
                    {
                        throw new InvalidDataException("unexpected " + line);
                    }

                    words.AddRange(Enumerable.Repeat(0L, bytes / 8));
                }
                else
                {
                    break;
                }
            }

            return words;
        }
    }
}
