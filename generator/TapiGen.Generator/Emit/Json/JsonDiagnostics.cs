using Microsoft.CodeAnalysis;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// Warns about JSON names that cannot work as computed (empty, or shared by members with different values).
    /// Reported with the converter output: it depends on the model and the options only, so it is cached with it.
    /// </summary>
    internal static class JsonDiagnostics
    {
        public static void Report(SourceProductionContext context, EnumModel model, CompilationFacts facts)
        {
            if (!GeneratedNames.EmitsSystemTextJson(model, facts) && !GeneratedNames.EmitsNewtonsoftJson(model, facts))
            {
                return;
            }

            foreach (JsonNameProblem problem in JsonNames.For(model).Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.JsonNameConflict,
                    Location.Create(model.ManifestPath, default, default),
                    Parsing.ManifestParser.FileNameOf(model.ManifestPath),
                    problem.MemberName,
                    problem.ComputedName,
                    model.Options.JsonNaming.ToString(),
                    problem.Resolution));
            }
        }
    }
}
