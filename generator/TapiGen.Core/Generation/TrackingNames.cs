namespace TapiGen.Generator
{
    /// <summary>Names of the pipeline steps, so tests can check what each one did on a rerun.</summary>
    internal static class TrackingNames
    {
        public const string OverridesFiles = nameof(OverridesFiles);
        public const string AllOverrides = nameof(AllOverrides);
        public const string Manifests = nameof(Manifests);
        public const string ManifestsWithOverrides = nameof(ManifestsWithOverrides);
        public const string Parse = nameof(Parse);
        public const string HeaderFiles = nameof(HeaderFiles);
        public const string HeaderParse = nameof(HeaderParse);
        public const string HeaderIndex = nameof(HeaderIndex);
        public const string HeaderLookup = nameof(HeaderLookup);
        public const string Plan = nameof(Plan);
        public const string Diagnostics = nameof(Diagnostics);
        public const string ProjectDiagnostics = nameof(ProjectDiagnostics);
        public const string NoManifests = nameof(NoManifests);
        public const string Models = nameof(Models);
        public const string EnumNames = nameof(EnumNames);
        public const string Duplicates = nameof(Duplicates);
        public const string Facts = nameof(Facts);
        public const string EmitInputs = nameof(EmitInputs);
        public const string Specs = nameof(Specs);
        public const string Support = nameof(Support);
        public const string ConverterDiagnostics = nameof(ConverterDiagnostics);
    }
}
