using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Generation;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Tasks
{
    /// <summary>
    /// TapiGenRunAsBuildTask: generates, before the compiler runs, the files the source generator would add, so that
    /// other generators (System.Text.Json's JsonSerializerContext, LibraryImport...) see the enums. The same core as
    /// the generator (Generation/Batch), fed from MSBuild: the TapiEnum items and their metadata, the overrides files,
    /// the headers, the TapiGen properties, and what the compiler would tell it (LangVersion, the references).
    /// Writes only files whose text changed, deletes the ones no longer generated, logs the TG diagnostics at their
    /// file, line and column.
    /// </summary>
    public sealed class GenerateTapiEnums : Task, ICancelableTask
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The TapiEnum items (full paths; their metadata are the settings).</summary>
        [Required]
        public ITaskItem[] Manifests { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Overrides files, each with TapiGenOverridesFor (its manifest's full path).</summary>
        public ITaskItem[] OverridesFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The TapiHeader items.</summary>
        public ITaskItem[] Headers { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project's settings: items named by the property (RootNamespace, TapiGenNamespace...) with a Value.</summary>
        public ITaskItem[] Properties { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The compiler's references (@(ReferencePath)): which JSON libraries and span types the project has.</summary>
        public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();

        public string LangVersion { get; set; } = string.Empty;

        /// <summary>The SDK's version: what "latest" means for its compiler.</summary>
        public string SdkVersion { get; set; } = string.Empty;

        public string TargetFrameworkIdentifier { get; set; } = string.Empty;

        public string TargetFrameworkVersion { get; set; } = string.Empty;

        /// <summary>Where the files go (created when missing).</summary>
        [Required]
        public string OutputDirectory { get; set; } = string.Empty;

        /// <summary>Every file now in <see cref="OutputDirectory"/>, for the Compile items.</summary>
        [Output]
        public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

        public void Cancel() => _cancel.Cancel();

        public override bool Execute()
        {
            var properties = Properties.ToDictionary(p => p.ItemSpec, p => p.GetMetadata("Value"), StringComparer.OrdinalIgnoreCase);
            var manifests = Manifests
                .Select(item => SettingsReader.Manifest(item.GetMetadata("FullPath"), ReadText(item), new ItemSettings(item, properties)))
                .ToList();
            var overrides = OverridesFiles
                .Select(item => (Item: item, Text: ReadText(item)))
                .Select(f => new OverridesFile(f.Item.GetMetadata("FullPath"), f.Item.GetMetadata("TapiGenOverridesFor"), WithinLimit(f.Text), f.Text?.Length ?? 0))
                .ToList();
            var headers = Headers
                .Select(item => (Item: item, Text: ReadText(item)))
                .Select(f => new HeaderFile(f.Item.GetMetadata("FullPath"), WithinLimit(f.Text), f.Text?.Length ?? 0))
                .ToList();

            BatchResult result = Batch.Run(manifests, overrides, headers, Facts(), referencedIndirectly: false, _cancel.Token);
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                LogDiagnostic(diagnostic);
            }

            GeneratedFiles = Write(result.Files).Select(path => (ITaskItem)new TaskItem(path)).ToArray();
            return !Log.HasLoggedErrors;
        }

        private CompilationFacts Facts()
        {
            var references = References
                .Select(r => r.ItemSpec)
                .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            Version framework = ParseVersion(TargetFrameworkVersion.TrimStart('v', 'V'));
            bool core = string.Equals(TargetFrameworkIdentifier, ".NETCoreApp", StringComparison.OrdinalIgnoreCase);
            bool standard21 = string.Equals(TargetFrameworkIdentifier, ".NETStandard", StringComparison.OrdinalIgnoreCase) && framework >= new Version(2, 1);
            Version? json = references.TryGetValue("System.Text.Json", out string? jsonPath) ? AssemblyVersion(jsonPath) : null;
            return new CompilationFacts(
                LanguageVersions.Number(LangVersion, SdkVersion),
                HasReadOnlySpan: (core && framework >= new Version(2, 1)) || standard21 || references.ContainsKey("System.Memory"),
                HasSystemTextJson: json is not null,
                HasNewtonsoftJson: references.ContainsKey("Newtonsoft.Json"),
                HasEnumGenericApis: core && framework >= new Version(5, 0),
                HasJsonPropertyNameApis: json is not null && json >= new Version(6, 0),
                HasUtf8JsonReaderCopyString: json is not null && json >= new Version(7, 0),
                HasVector128Create: core && framework >= new Version(8, 0));
        }

        private static Version? AssemblyVersion(string path)
        {
            try
            {
                return System.Reflection.AssemblyName.GetAssemblyName(path).Version;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static Version ParseVersion(string text) => Version.TryParse(text, out Version? v) ? v : new Version(0, 0);

        /// <summary>A file's text as the compiler reads an additional file (BOM detected, else UTF-8), or null when it cannot be read.</summary>
        private string? ReadText(ITaskItem item)
        {
            try
            {
                return File.ReadAllText(item.GetMetadata("FullPath"));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogMessage(MessageImportance.Low, "TapiGen: cannot read " + item.ItemSpec + ": " + e.Message);
                return null;
            }
        }

        /// <summary>As the generator passes them: a file over the limit without its text, so the core reports it.</summary>
        private static string? WithinLimit(string? text) => text is not null && Limits.Readable(text.Length) ? text : null;

        /// <summary>Writes each file whose text changed, deletes the generated files no longer generated, returns them all.</summary>
        private IEnumerable<string> Write(IReadOnlyList<(string HintName, string Text)> files)
        {
            Directory.CreateDirectory(OutputDirectory);
            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            foreach ((string hintName, string text) in files)
            {
                string path = Path.Combine(OutputDirectory, hintName);
                written.Add(path);
                if (!File.Exists(path) || File.ReadAllText(path) != text)
                {
                    File.WriteAllText(path, text, utf8);
                }
            }

            foreach (string stale in Directory.GetFiles(OutputDirectory, "*.g.cs"))
            {
                if (!written.Contains(stale))
                {
                    File.Delete(stale);
                }
            }

            return written.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        private void LogDiagnostic(DiagnosticInfo diagnostic)
        {
            DiagnosticKind kind = DiagnosticDescriptors.ById(diagnostic.DescriptorId);
            string message = string.Format(CultureInfo.InvariantCulture, kind.MessageFormat, diagnostic.MessageArgs.Cast<object>().ToArray());
            LocationInfo? at = diagnostic.Location;
            string file = at?.FilePath ?? string.Empty;
            int line = at is null ? 0 : at.Line + 1;
            int column = at is null ? 0 : at.Column + 1;
            int endLine = at is null ? 0 : at.EndLine + 1;
            int endColumn = at is null ? 0 : at.EndColumn + 1;
            switch (kind.Severity)
            {
                case Severity.Error:
                    Log.LogError(null, kind.Id, null, kind.HelpLinkUri, file, line, column, endLine, endColumn, message);
                    break;
                case Severity.Warning:
                    Log.LogWarning(null, kind.Id, null, kind.HelpLinkUri, file, line, column, endLine, endColumn, message);
                    break;
                default:
                    Log.LogMessage(null, kind.Id, null, file, line, column, endLine, endColumn, MessageImportance.Normal, message);
                    break;
            }
        }

        /// <summary>An item's metadata, then the project's properties, by their MSBuild names.</summary>
        private sealed class ItemSettings : IBuildSettings
        {
            private readonly ITaskItem _item;
            private readonly Dictionary<string, string> _properties;

            public ItemSettings(ITaskItem item, Dictionary<string, string> properties)
            {
                _item = item;
                _properties = properties;
            }

            public bool TryGetMetadata(string name, out string? value)
            {
                value = _item.GetMetadata(name);
                return value.Length > 0;
            }

            public bool TryGetProperty(string name, out string? value) => _properties.TryGetValue(name, out value);
        }
    }
}
