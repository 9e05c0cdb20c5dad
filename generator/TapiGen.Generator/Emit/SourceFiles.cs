using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit
{
    /// <summary>Adds every file generated for one enum: the enum, its helpers, its JSON converters.</summary>
    internal static class SourceFiles
    {
        public static void AddAll(SourceProductionContext context, EnumModel model, CompilationFacts facts)
        {
            Add(context, GeneratedNames.HintName(model, string.Empty), EnumEmitter.Emit(model, facts));
            if (model.Options.GenerateHelpers)
            {
                Add(context, GeneratedNames.HintName(model, ".Extensions"), HelpersEmitter.Emit(model, facts));
            }

            if (GeneratedNames.EmitsSystemTextJson(model, facts))
            {
                Add(context, GeneratedNames.HintName(model, ".JsonConverter"), SystemTextJsonEmitter.Emit(model, facts));
            }

            if (GeneratedNames.EmitsNewtonsoftJson(model, facts))
            {
                Add(context, GeneratedNames.HintName(model, ".NewtonsoftJsonConverter"), NewtonsoftJsonEmitter.Emit(model, facts));
            }

            Json.JsonDiagnostics.Report(context, model, facts);
        }

        private static void Add(SourceProductionContext context, string hintName, string? source)
        {
            if (source is not null)
            {
                context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
            }
        }
    }
}
