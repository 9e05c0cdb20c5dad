using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Threading;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Turns one manifest's text into a <see cref="PageParse"/>: the enum as the page describes it, and diagnostics. Pure: no Roslyn symbols, no I/O,
    /// and it never throws (an unexpected failure becomes TG0012 for this manifest only).
    /// </summary>
    internal static class ManifestParser
    {
        public static PageParse Parse(ManifestFile file, CancellationToken cancellationToken)
        {
            try
            {
                return new ManifestReader(file, cancellationToken).Read();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                var info = DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnexpectedFailure,
                    LocationInfo.FileStart(file.Path),
                    FileNameOf(file.Path),
                    e.GetType().Name + ": " + e.Message);
                return new PageParse(
                    file.Path,
                    FileNameOf(file.Path),
                    file.Options,
                    null,
                    null,
                    null,
                    file.Options.Flags,
                    EquatableArray<string>.Empty,
                    EquatableArray<string>.Empty,
                    EquatableArray<PageMember>.Empty,
                    EquatableArray<PageSubHeading>.Empty,
                    EquatableArray<PageRename>.Empty,
                    string.Empty,
                    ImmutableArray.Create(info).ToEquatableArray(),
                    EquatableArray<UnverifiedWarning>.Empty,
                    HasErrors: true);
            }
        }

        /// <summary>The file name of a path with either separator; never throws, unlike Path.GetFileName on .NET Framework.</summary>
        internal static string FileNameOf(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }
    }
}
