using System.Collections.Generic;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Emit
{
    /// <summary>The files generated for one enum (the enum, its helpers, its JSON converters), as hint names and text.</summary>
    internal static class SourceFiles
    {
        public static IEnumerable<(string HintName, string Text)> For(EnumSpec spec)
        {
            yield return (HintName(spec, string.Empty), EnumEmitter.Emit(spec));
            if (spec.Helpers is not null)
            {
                yield return (HintName(spec, ".Extensions"), HelpersEmitter.Emit(spec));
            }

            if (spec.SystemTextJson is not null)
            {
                yield return (HintName(spec, ".JsonConverter"), SystemTextJsonEmitter.Emit(spec));
            }

            if (spec.Newtonsoft is not null)
            {
                yield return (HintName(spec, ".NewtonsoftJsonConverter"), NewtonsoftJsonEmitter.Emit(spec));
            }
        }

        private static string HintName(EnumSpec spec, string suffix) => spec.DisplayName + suffix + ".g.cs";
    }
}
