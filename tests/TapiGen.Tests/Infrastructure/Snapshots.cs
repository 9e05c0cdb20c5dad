using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace TapiGen.Tests.Infrastructure;

/// <summary>
/// Snapshot ("approval") testing for generator output, using the same file layout as
/// Verify.SourceGenerators so that switching to Verify later only changes the call sites' import.
/// </summary>
/// <remarks>
/// <para>Layout, relative to the calling test's source file (<see cref="CallerFilePathAttribute"/>):</para>
/// <code>
/// Snapshots/{Class}.{Method}[_{variant}]#{HintName without final ".cs"}.verified.cs
/// Snapshots/{Class}.{Method}[_{variant}].verified.txt      (diagnostics, always present)
/// </code>
/// <para>{Class} is the caller file's name without extension (one test class per file).
/// On a mismatch a <c>.received.</c> file is written next to the verified one and the test fails
/// with a diff. Set <c>TAPIGEN_ACCEPT_SNAPSHOTS=1</c> (ignored when <c>CI=true</c>) to accept.</para>
/// </remarks>
public static class Snapshots
{
    /// <summary>Environment variable that, when <c>1</c>/<c>true</c>, accepts received output as verified.</summary>
    public const string AcceptVariable = "TAPIGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Environment variable that marks a CI run; when <c>true</c> snapshots are never accepted.</summary>
    public const string CiVariable = "CI";

    /// <summary>Name of the folder (next to the test source file) holding the snapshot files.</summary>
    public const string FolderName = "Snapshots";

    /// <summary>Content of the diagnostics snapshot when there are no diagnostics.</summary>
    public const string NoDiagnosticsText = "No diagnostics.\n";

    private const string VerifiedSourceSuffix = ".verified.cs";
    private const string ReceivedSourceSuffix = ".received.cs";
    private const string VerifiedDiagnosticsSuffix = ".verified.txt";
    private const string ReceivedDiagnosticsSuffix = ".received.txt";
    private const int ContextLines = 3;
    private const int MaxDiffLines = 200;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Characters that are invalid in file names on at least one supported OS.
    private static readonly char[] InvalidNameChars =
        "<>:\"|?*".ToCharArray().Concat(Enumerable.Range(0, 32).Select(i => (char)i)).ToArray();

    // Snapshot prefixes (directory + Class.Method[_variant]) already verified in this process: verifying the
    // same prefix twice (e.g. a theory without a distinct variant) would make the runs overwrite each other.
    private static readonly ConcurrentDictionary<string, byte> UsedPrefixes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Verifies every generated source of <paramref name="result"/> but the support file, and its diagnostics, against
    /// the snapshots in the <c>Snapshots</c> folder next to the calling test's source file.
    /// </summary>
    /// <param name="result">The generator driver run result.</param>
    /// <param name="variant">Optional suffix (appended as <c>_{variant}</c> to the method name) for theories.</param>
    /// <param name="sourceFile">Supplied by the compiler.</param>
    /// <param name="method">Supplied by the compiler.</param>
    public static void Verify(
        GeneratorDriverRunResult result,
        string? variant = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        var (directory, className) = ResolveLocation(sourceFile);
        Verify(directory, className, method, result, variant);
    }

    /// <summary>
    /// Verifies a set of named texts (hint name → text) plus a diagnostics text. Used by
    /// <see cref="Verify(GeneratorDriverRunResult, string?, string, string)"/> and by emitter-only snapshots.
    /// </summary>
    /// <param name="files">Hint names (as Roslyn gives them, e.g. <c>Contoso.Foo.g.cs</c>) and their texts.</param>
    /// <param name="diagnosticsText">Diagnostics text (see <see cref="FormatDiagnostics"/>); always compared.</param>
    /// <param name="variant">Optional suffix (appended as <c>_{variant}</c> to the method name) for theories.</param>
    /// <param name="sourceFile">Supplied by the compiler.</param>
    /// <param name="method">Supplied by the compiler.</param>
    public static void VerifyFiles(
        IReadOnlyList<(string HintName, string Text)> files,
        string diagnosticsText,
        string? variant = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        var (directory, className) = ResolveLocation(sourceFile);
        VerifyFiles(directory, className, method, files, diagnosticsText, variant);
    }

    /// <summary>
    /// Formats diagnostics one per entry (continuation lines of multi-line messages are indented), in a
    /// stable order (file path, line, column, id):
    /// <c>{id} {severity} {file name}({line},{col})-({line},{col}): {message}</c>, positions 1-based.
    /// Returns <see cref="NoDiagnosticsText"/> when there are none.
    /// </summary>
    public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);

        var entries = diagnostics
            .Select(d =>
            {
                var hasSpan = d.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile;
                var span = hasSpan ? d.Location.GetLineSpan() : default;
                return (
                    Diagnostic: d,
                    HasSpan: hasSpan,
                    Path: hasSpan ? span.Path ?? "" : "",
                    Span: span,
                    Message: NormalizeLineEndings(d.GetMessage(CultureInfo.InvariantCulture)));
            })
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.HasSpan ? e.Span.StartLinePosition.Line : -1)
            .ThenBy(e => e.HasSpan ? e.Span.StartLinePosition.Character : -1)
            .ThenBy(e => e.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(e => e.HasSpan ? e.Span.EndLinePosition.Line : -1)
            .ThenBy(e => e.HasSpan ? e.Span.EndLinePosition.Character : -1)
            .ThenBy(e => e.Diagnostic.Severity)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();

        if (entries.Count == 0)
        {
            return NoDiagnosticsText;
        }

        var builder = new StringBuilder();
        foreach (var entry in entries)
        {
            builder.Append(entry.Diagnostic.Id).Append(' ').Append(entry.Diagnostic.Severity).Append(' ');
            if (entry.HasSpan)
            {
                var fileName = FileNameOnly(entry.Path);
                var start = entry.Span.StartLinePosition;
                var end = entry.Span.EndLinePosition;
                builder.Append(fileName.Length == 0 ? "(no file)" : fileName)
                    .Append(CultureInfo.InvariantCulture, $"({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1})");
            }
            else
            {
                builder.Append("(no location)");
            }

            builder.Append(": ").Append(entry.Message.TrimEnd('\n').Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Verify with an explicit snapshot directory and class name (used by self-tests).</summary>
    internal static void Verify(
        string snapshotDirectory,
        string className,
        string method,
        GeneratorDriverRunResult result,
        string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(result);

        // The support file is the same for every enum: SupportSnapshotTests verifies it, once per kind of target.
        var sources = result.Results
            .SelectMany(r => r.GeneratedSources)
            .Where(s => s.HintName != "TapiGen.Support.g.cs")
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();

        VerifyFiles(snapshotDirectory, className, method, sources, FormatDiagnostics(result.Diagnostics), variant);
    }

    /// <summary>VerifyFiles with an explicit snapshot directory and class name (used by self-tests).</summary>
    internal static void VerifyFiles(
        string snapshotDirectory,
        string className,
        string method,
        IReadOnlyList<(string HintName, string Text)> files,
        string diagnosticsText,
        string? variant = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotDirectory);
        ArgumentException.ThrowIfNullOrEmpty(className);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnosticsText);
        if (string.IsNullOrEmpty(method))
        {
            throw new ArgumentException("The test method name is empty; call from a test method or pass it explicitly.", nameof(method));
        }

        ValidateNamePart(className, nameof(className));
        ValidateNamePart(method, nameof(method));
        if (variant is not null)
        {
            if (variant.Length == 0)
            {
                throw new ArgumentException("The variant must be null or non-empty.", nameof(variant));
            }

            ValidateNamePart(variant, nameof(variant));
        }

        var directory = Path.GetFullPath(snapshotDirectory);
        var prefix = variant is null ? $"{className}.{method}" : $"{className}.{method}_{variant}";

        if (!UsedPrefixes.TryAdd(Path.Combine(directory, prefix), 0))
        {
            throw new XunitException(
                $"Snapshots for '{prefix}' in '{directory}' were already verified in this test run. " +
                "Each Verify call needs its own snapshot name: pass a distinct 'variant' (e.g. for each theory case).");
        }

        // Expected snapshots: one per generated file, plus the diagnostics file.
        var expected = new List<Expected>(files.Count + 1);
        var seenNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (hintName, text) in files)
        {
            var stem = $"{prefix}#{HintNameToFileStem(hintName)}";
            if (!seenNames.TryAdd(stem, hintName))
            {
                throw new ArgumentException(
                    $"Hint names '{seenNames[stem]}' and '{hintName}' map to the same snapshot file '{stem}{VerifiedSourceSuffix}'.",
                    nameof(files));
            }

            expected.Add(new Expected(
                Path.Combine(directory, stem + VerifiedSourceSuffix),
                Path.Combine(directory, stem + ReceivedSourceSuffix),
                NormalizeLineEndings(text ?? throw new ArgumentException($"Text of '{hintName}' is null.", nameof(files)))));
        }

        expected.Add(new Expected(
            Path.Combine(directory, prefix + VerifiedDiagnosticsSuffix),
            Path.Combine(directory, prefix + ReceivedDiagnosticsSuffix),
            NormalizeLineEndings(diagnosticsText)));

        // Files of this prefix currently on disk. Received files are always stale at this point:
        // they are rewritten below for the snapshots that still mismatch.
        var existingVerified = new List<string>();
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(path);
                if (IsSnapshotOf(name, prefix, ReceivedSourceSuffix, ReceivedDiagnosticsSuffix))
                {
                    TryDelete(path);
                }
                else if (IsSnapshotOf(name, prefix, VerifiedSourceSuffix, VerifiedDiagnosticsSuffix))
                {
                    existingVerified.Add(path);
                }
            }
        }

        var expectedVerified = new HashSet<string>(expected.Select(e => Path.GetFileName(e.VerifiedPath)), StringComparer.Ordinal);
        var stale = existingVerified
            .Where(p => !expectedVerified.Contains(Path.GetFileName(p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

        var mismatches = new List<(Expected Item, string? VerifiedText)>();
        foreach (var item in expected)
        {
            var verifiedText = File.Exists(item.VerifiedPath) ? NormalizeLineEndings(File.ReadAllText(item.VerifiedPath)) : null;
            if (!string.Equals(verifiedText, item.Text, StringComparison.Ordinal))
            {
                mismatches.Add((item, verifiedText));
            }
        }

        if (mismatches.Count == 0 && stale.Count == 0)
        {
            return;
        }

        var (accept, acceptBlockedByCi) = GetAcceptMode();
        if (accept)
        {
            // Delete first: on a case-insensitive file system a "stale" file may be a case variant of a new one.
            foreach (var path in stale)
            {
                File.Delete(path);
            }

            Directory.CreateDirectory(directory);
            foreach (var (item, _) in mismatches)
            {
                File.WriteAllText(item.VerifiedPath, item.Text, Utf8NoBom);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        var report = new StringBuilder();
        var problems = mismatches.Count + stale.Count;
        report.Append(CultureInfo.InvariantCulture, $"Snapshot verification failed for '{prefix}' ({problems} problem{(problems == 1 ? "" : "s")}).\n");
        report.Append(CultureInfo.InvariantCulture, $"Snapshot folder: {directory}\n");

        foreach (var (item, verifiedText) in mismatches)
        {
            File.WriteAllText(item.ReceivedPath, item.Text, Utf8NoBom);
            report.Append('\n');
            if (verifiedText is null)
            {
                report.Append(CultureInfo.InvariantCulture, $"Missing verified file: {Path.GetFileName(item.VerifiedPath)}\n");
            }
            else
            {
                report.Append(CultureInfo.InvariantCulture, $"Mismatch: {Path.GetFileName(item.VerifiedPath)}\n");
            }

            report.Append(CultureInfo.InvariantCulture, $"Received: {Path.GetFileName(item.ReceivedPath)}\n");
            report.Append(BuildDiff(verifiedText ?? "", item.Text));
        }

        foreach (var path in stale)
        {
            report.Append('\n');
            report.Append(CultureInfo.InvariantCulture, $"Stale snapshot: {Path.GetFileName(path)} has no generated counterpart any more; delete it.\n");
        }

        report.Append('\n');
        report.Append(CultureInfo.InvariantCulture, $"To accept the received output: set {AcceptVariable}=1 and rerun (never honoured when {CiVariable}=true).\n");
        if (acceptBlockedByCi)
        {
            report.Append(CultureInfo.InvariantCulture, $"Note: {AcceptVariable} is set but was ignored because {CiVariable}=true.\n");
        }

        throw new XunitException(report.ToString());
    }

    /// <summary>Whether received output should be accepted, and whether accepting was requested but blocked by CI.</summary>
    internal static (bool Accept, bool BlockedByCi) GetAcceptMode()
    {
        var requested = IsTruthy(Environment.GetEnvironmentVariable(AcceptVariable));
        var ci = IsTruthy(Environment.GetEnvironmentVariable(CiVariable));
        return (requested && !ci, requested && ci);
    }

    /// <summary>Maps a Roslyn hint name to the part of the snapshot file name after '#'.</summary>
    internal static string HintNameToFileStem(string hintName)
    {
        if (string.IsNullOrEmpty(hintName))
        {
            throw new ArgumentException("A hint name is empty.", nameof(hintName));
        }

        // Like Verify: the snapshot extension replaces the hint name's final ".cs".
        var stem = hintName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^3] : hintName;

        // Roslyn allows '/' and '\' in hint names; keep snapshots flat in one folder.
        stem = stem.Replace('/', '_').Replace('\\', '_');
        if (stem.Length == 0 || stem.IndexOfAny(InvalidNameChars) >= 0)
        {
            throw new ArgumentException($"Hint name '{hintName}' cannot be used as a snapshot file name.", nameof(hintName));
        }

        return stem;
    }

    internal static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Builds a unified-style diff with old/new line numbers, <see cref="ContextLines"/> lines of context, capped at ~<see cref="MaxDiffLines"/> lines.</summary>
    internal static string BuildDiff(string verifiedText, string receivedText)
    {
        var oldLines = SplitLines(verifiedText);
        var newLines = SplitLines(receivedText);
        var diff = Differ.Instance.CreateDiffs(verifiedText, receivedText, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);

        // Flatten DiffPlex's blocks into an edit script.
        var ops = new List<(char Kind, int Old, int New)>(); // Kind: ' ', '-', '+'; Old/New are 0-based or -1.
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks.OrderBy(x => x.DeleteStartA))
        {
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                ops.Add((' ', a++, b++));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                ops.Add(('-', a++, -1));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                ops.Add(('+', -1, b++));
            }
        }

        while (a < oldLines.Length && b < newLines.Length)
        {
            ops.Add((' ', a++, b++));
        }

        while (a < oldLines.Length)
        {
            ops.Add(('-', a++, -1));
        }

        while (b < newLines.Length)
        {
            ops.Add(('+', -1, b++));
        }

        var output = new List<string>();
        var changes = Enumerable.Range(0, ops.Count).Where(i => ops[i].Kind != ' ').ToList();
        var c = 0;
        while (c < changes.Count)
        {
            // Group changes whose gap is small enough that their context would overlap.
            var first = changes[c];
            var last = first;
            while (c + 1 < changes.Count && changes[c + 1] - last <= 2 * ContextLines + 1)
            {
                last = changes[++c];
            }

            c++;
            var start = Math.Max(0, first - ContextLines);
            var end = Math.Min(ops.Count - 1, last + ContextLines);

            int oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
            // Position before the hunk = number of old/new lines consumed by earlier ops.
            for (var i = 0; i < start; i++)
            {
                if (ops[i].Kind != '+') oldStart++;
                if (ops[i].Kind != '-') newStart++;
            }

            for (var i = start; i <= end; i++)
            {
                if (ops[i].Kind != '+') oldCount++;
                if (ops[i].Kind != '-') newCount++;
            }

            output.Add(string.Create(CultureInfo.InvariantCulture, $"@@ -{(oldCount == 0 ? oldStart : oldStart + 1)},{oldCount} +{(newCount == 0 ? newStart : newStart + 1)},{newCount} @@"));
            for (var i = start; i <= end; i++)
            {
                var (kind, oldIndex, newIndex) = ops[i];
                var oldNo = oldIndex >= 0 ? (oldIndex + 1).ToString(CultureInfo.InvariantCulture) : "";
                var newNo = newIndex >= 0 ? (newIndex + 1).ToString(CultureInfo.InvariantCulture) : "";
                var text = oldIndex >= 0 ? oldLines[oldIndex] : newLines[newIndex];
                output.Add($"{kind} {oldNo,5} {newNo,5} | {text}");
            }
        }

        var builder = new StringBuilder();
        builder.Append("--- verified\n+++ received\n");
        if (output.Count == 0 && oldLines.Length == newLines.Length)
        {
            builder.Append("(all lines are equal; the texts differ only in the newline at the end of the file)\n");
        }

        var shown = Math.Min(output.Count, MaxDiffLines);
        for (var i = 0; i < shown; i++)
        {
            builder.Append(output[i]).Append('\n');
        }

        if (output.Count > shown)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... diff truncated: {output.Count - shown} more line(s); see the received file.\n");
        }

        var oldEndsWithNewline = verifiedText.EndsWith('\n');
        var newEndsWithNewline = receivedText.EndsWith('\n');
        if (verifiedText.Length > 0 && oldEndsWithNewline != newEndsWithNewline)
        {
            builder.Append(newEndsWithNewline
                ? "\\ verified has no newline at end of file; received has one\n"
                : "\\ received has no newline at end of file; verified has one\n");
        }

        return builder.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static (string Directory, string ClassName) ResolveLocation(string sourceFile)
    {
        if (string.IsNullOrEmpty(sourceFile) || !Path.IsPathRooted(sourceFile))
        {
            throw new ArgumentException(
                $"The caller file path '{sourceFile}' is not an absolute path; call Snapshots from a test source file.", nameof(sourceFile));
        }

        var sourceDirectory = Path.GetDirectoryName(sourceFile);
        if (sourceDirectory is null || !Directory.Exists(sourceDirectory))
        {
            // E.g. a deterministic CI build with PathMap/ContinuousIntegrationBuild rewrote the path to "/_/...".
            throw new InvalidOperationException(
                $"The caller file's directory '{sourceDirectory}' does not exist; snapshots need the real source path " +
                "(check PathMap / ContinuousIntegrationBuild for the test project).");
        }

        return (Path.Combine(sourceDirectory, FolderName), Path.GetFileNameWithoutExtension(sourceFile));
    }

    private static bool IsSnapshotOf(string fileName, string prefix, string sourceSuffix, string diagnosticsSuffix) =>
        string.Equals(fileName, prefix + diagnosticsSuffix, StringComparison.Ordinal) ||
        (fileName.StartsWith(prefix + "#", StringComparison.Ordinal) && fileName.EndsWith(sourceSuffix, StringComparison.Ordinal));

    private static void ValidateNamePart(string value, string parameterName)
    {
        if (value.IndexOfAny(InvalidNameChars) >= 0 || value.IndexOfAny(['/', '\\', '#']) >= 0)
        {
            throw new ArgumentException($"'{value}' contains characters that cannot be used in a snapshot file name (or '#').", parameterName);
        }
    }

    private static bool IsTruthy(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string FileNameOnly(string path)
    {
        var index = path.LastIndexOfAny(['/', '\\']);
        return index < 0 ? path : path[(index + 1)..];
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a locked stale received file must not hide the real verification result.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record Expected(string VerifiedPath, string ReceivedPath, string Text);

    /// <summary>Splits text into lines on '\n' (text is already normalized), without a trailing empty line.</summary>
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
