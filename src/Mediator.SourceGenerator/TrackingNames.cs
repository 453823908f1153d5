namespace Mediator.SourceGenerator;

/// <summary>Names of the incremental steps, so tests can check which ones re-ran.</summary>
internal static class TrackingNames
{
    public const string Declarations = nameof(Declarations);
    public const string Discoveries = nameof(Discoveries);

    /// <summary>One input per syntax tree, with the trees its scan can read (<c>DeclarationFiles</c>).</summary>
    public const string DeclarationFiles = nameof(DeclarationFiles);

    /// <summary>One file's scan: cached unless that file or a declaration it names changed.</summary>
    public const string FileDiscoveries = nameof(FileDiscoveries);

    /// <summary>One file's request and stream pipelines, resolved against the middlewares: cached unless that file's scan or a middleware changed.</summary>
    public const string FilePipelines = nameof(FilePipelines);
    public const string ClassDiagnostics = nameof(ClassDiagnostics);
    public const string DeclaredNotifications = nameof(DeclaredNotifications);
    public const string NotificationPipelines = nameof(NotificationPipelines);
    public const string StreamPipelines = nameof(StreamPipelines);
    public const string HandlerSpecs = nameof(HandlerSpecs);
    public const string MiddlewareSpecs = nameof(MiddlewareSpecs);
    public const string Options = nameof(Options);
    public const string NameSettings = nameof(NameSettings);
    public const string Project = nameof(Project);
    public const string Names = nameof(Names);
    public const string NameCheck = nameof(NameCheck);
    public const string Resolved = nameof(Resolved);
    public const string Plan = nameof(Plan);

    /// <summary>Whether the project composes the modules it references (<c>MediatorComposeModules</c>, default true).</summary>
    public const string ComposesModules = nameof(ComposesModules);

    /// <summary>The modules among the references, read from metadata only (never re-run by an edit in this project).</summary>
    public const string ModuleReferences = nameof(ModuleReferences);

    /// <summary>Which module takes each message, and the conflicts between projects.</summary>
    public const string Composition = nameof(Composition);

    /// <summary>Each file's calls (<c>Parsing/FileCalls</c>): read again only when the file or a declaration changed.</summary>
    public const string FileCalls = nameof(FileCalls);

    /// <summary>The calls the composed mediator's checks read (Send, CreateStream, AddMediator, RegisterModule), from the syntax of each file.</summary>
    public const string CallSites = nameof(CallSites);

    /// <summary>The diagnostics of those calls against the resolved and composed model.</summary>
    public const string CallSiteDiagnostics = nameof(CallSiteDiagnostics);
    public const string Pipelines = nameof(Pipelines);
    public const string PipelineFiles = nameof(PipelineFiles);
    public const string CrossCuttingDiagnostics = nameof(CrossCuttingDiagnostics);
    public const string UsedMiddlewares = nameof(UsedMiddlewares);
    public const string UsedMiddlewareSpecs = nameof(UsedMiddlewareSpecs);
    public const string AssemblyPublishPolicy = nameof(AssemblyPublishPolicy);
    public const string Support = nameof(Support);
    public const string Quiet = nameof(Quiet);
    public const string RabbitMqRoutes = nameof(RabbitMqRoutes);
    public const string RoutedNotifications = nameof(RoutedNotifications);
}
