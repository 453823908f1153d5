using System.Text;
using Mediator.SourceGenerator.Checks;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator;

/// <summary>
/// Finds <c>[Handler]</c> and <c>[Middleware]</c> classes and writes the mediator, one pipeline per request and
/// <c>AddMediator()</c>. Stages: Parsing (symbols to specs) -> Planning (specs to pipelines) -> Emitting (text).
/// Source and diagnostics flow through separate outputs, so that a moved line re-runs only the diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MediatorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Everything below reads declarations only, so it starts from the compilation as last parsed: a new compilation
        // that declares the same things (an edit inside a method body) compares equal, and every step stays cached.
        var declarations = context.CompilationProvider
            .WithComparer(DeclarationEquivalence.Instance)
            .WithTrackingName(TrackingNames.Declarations);
        // One scan per file: a declaration edit scans the edited file and the files whose declarations name what it
        // declares (DeclarationFiles); every other file's input compares equal and its scan stays cached.
        var declarationFiles = declarations
            .SelectMany(static (c, ct) => DeclarationFiles.Split(c, ct))
            .WithTrackingName(TrackingNames.DeclarationFiles);
        var fileDiscoveries = declarationFiles
            .Select(static (file, ct) => DeclarationScanner.ScanFile(file, ct))
            .WithTrackingName(TrackingNames.FileDiscoveries);
        var discoveries = fileDiscoveries
            .Collect()
            .Select(static (files, _) => DeclarationScanner.Merge(files))
            .WithTrackingName(TrackingNames.Discoveries);

        // Whether generated code can compile here at all (C# 8, the library's own types): if not, nothing is generated
        // and only the reason is reported.
        var support = declarations
            .Select(static (c, ct) => SupportCheck.Check(c, ct))
            .WithTrackingName(TrackingNames.Support);

        // [assembly: UseMiddleware]: read from the compilation like [assembly: PublishStrategy]; the result compares by
        // value, so an edit that leaves the assembly attributes alone leaves everything after it cached.
        var usedMiddlewares = declarations
            .Select(static (c, ct) => UsedMiddlewaresSafely(c, ct))
            .WithTrackingName(TrackingNames.UsedMiddlewares);
        var usedMiddlewareSpecs = usedMiddlewares
            .Select(static (used, _) => used.Where(d => d.Middleware is not null).Select(d => d.Middleware!).ToEquatableArray())
            .WithTrackingName(TrackingNames.UsedMiddlewareSpecs);

        // The generated class's name: from MSBuild properties, checked (MED0036), then against the user's declarations
        // (MED0035). Either problem leaves the name null, and nothing is generated.
        var nameSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) => MediatorNameReader.Read(o.GlobalOptions))
            .WithTrackingName(TrackingNames.NameSettings);
        var project = declarations
            .Select(static (c, _) => (
                c.AssemblyName,
                HasServiceCollection: c.GetTypeByMetadataName(KnownTypes.ServiceCollection) is not null,
                Strategy: PublishPolicyParser.ReadStrategy(c.Assembly.GetAttributes()) ?? PublishStrategyChoice.Sequential,
                Failures: PublishPolicyParser.ReadFailures(c.Assembly.GetAttributes()) ?? PublishFailureKind.Aggregate))
            .WithTrackingName(TrackingNames.Project);
        var names = nameSettings
            .Combine(project)
            .Select(static (pair, _) => MediatorNameReader.Choose(pair.Left, pair.Right.AssemblyName))
            .WithTrackingName(TrackingNames.Names);
        var nameCheck = names
            .Combine(project)
            .Combine(declarations)
            .Select(static (input, ct) => NameCheckSafely(input.Left.Left.Name, input.Left.Right.HasServiceCollection, input.Right, ct))
            .WithTrackingName(TrackingNames.NameCheck);
        var options = names
            .Combine(nameCheck)
            .Combine(project)
            .Select(static (input, _) => new GeneratorOptions(
                input.Left.Right.Clashes.Count == 0 ? input.Left.Left.Name : null,
                input.Right.HasServiceCollection,
                input.Right.Strategy,
                input.Left.Right.ForeignRegistration,
                input.Right.Failures))
            .WithTrackingName(TrackingNames.Options);

        // Source: specs only, no locations, so that edits elsewhere in a file leave the emitted code cached. The specs are
        // read from the one scan result as whole arrays (not item by item and collected again): planning takes them all.
        var handlerSpecs = discoveries
            .Select(static (d, _) => d.Handlers.SelectMany(h => h.Handlers).ToEquatableArray())
            .WithTrackingName(TrackingNames.HandlerSpecs);
        var middlewareSpecs = discoveries
            .Select(static (d, _) => d.Middlewares.Where(m => m.Middleware is not null).Select(m => m.Middleware!).ToEquatableArray())
            .WithTrackingName(TrackingNames.MiddlewareSpecs);
        var declaredNotifications = discoveries
            .Select(static (d, _) => d.Messages.Where(m => m.Notification is not null).Select(m => m.Notification!).ToEquatableArray())
            .WithTrackingName(TrackingNames.DeclaredNotifications);
        // [assembly: RabbitMqRoute(typeof(T), ...)]: notifications that leave the process get a pipeline whose fan-out is
        // the transport's strategy. Read like [assembly: UseMiddleware]; empty without CompiledMediator.RabbitMQ.
        var routedNotifications = declarations
            .Select(static (c, ct) => RoutedNotificationReader.Read(c, ct))
            .WithTrackingName(TrackingNames.RoutedNotifications);
        // Which pipelines exist and what each holds, decided once: the emitters' plan and the checks both read it. A
        // request's or stream's pipeline depends only on its handler and the middlewares, so it is resolved per file
        // first (FilePipelines): a handler added in one file matches that file's handlers against the middlewares, and
        // the other files' results stay cached. The one resolution then takes them instead of matching again.
        var allMiddlewares = middlewareSpecs
            .Combine(usedMiddlewareSpecs)
            .Select(static (input, _) => input.Left.AsImmutableArray().AddRange(input.Right).ToEquatableArray());
        var filePipelines = fileDiscoveries
            .Combine(allMiddlewares)
            .Select(static (input, _) => SinglesSafely(input.Left, input.Right))
            .WithTrackingName(TrackingNames.FilePipelines);
        var resolved = handlerSpecs
            .Combine(allMiddlewares)
            .Combine(declaredNotifications)
            .Combine(routedNotifications)
            .Combine(filePipelines.Collect())
            .Select(static (input, _) => ResolveSafely(
                input.Left.Left.Left.Left.AsImmutableArray(),
                input.Left.Left.Left.Right.AsImmutableArray(),
                // Routed first: the first description of a type wins, and the routed one carries the transport's strategy.
                input.Left.Right.AsImmutableArray().AddRange(input.Left.Left.Right),
                input.Right.SelectMany(file => file)))
            .WithTrackingName(TrackingNames.Resolved);
        // <MediatorComposeModules>false</MediatorComposeModules>: the project keeps only its own handlers, so the
        // references are not read at all and no module is composed (it is still a module itself if it has handlers).
        var compositionSetting = context.AnalyzerConfigOptionsProvider
            .Select(static (o, _) => CompositionSettingReader.Read(o.GlobalOptions));
        var composesModules = compositionSetting
            .Select(static (s, _) => s.ComposesModules)
            .WithTrackingName(TrackingNames.ComposesModules);
        // The modules among the references: read from the references alone (a compilation of metadata, no syntax), so an
        // edit in this project leaves this step cached, and a rebuilt module re-runs it.
        var moduleReferences = context.MetadataReferencesProvider
            .Collect()
            .Combine(composesModules)
            .Select(static (input, ct) => input.Right ? ReadModulesSafely(input.Left, ct) : ModuleReferences.None)
            .WithTrackingName(TrackingNames.ModuleReferences);
        var composition = resolved
            .Combine(moduleReferences)
            .Combine(project.Select(static (p, _) => p.AssemblyName ?? string.Empty))
            .Select(static (input, _) => ComposeSafely(input.Left.Left.Pipelines, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Composition);
        var plan = resolved
            .Combine(options)
            .Select(static (input, _) => PlanSafely(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Plan)
            .Combine(composition)
            .Select(static (input, _) => WithModules(input.Left, input.Right))
            .Combine(support)
            .Select(static (input, _) => input.Right.CanGenerate ? input.Left : PlanResult.Nothing);
        var pipelines = plan
            .SelectMany(static (p, _) => p.Plan?.Pipelines ?? EquatableArray<PipelinePlan>.Empty)
            .WithTrackingName(TrackingNames.Pipelines);
        var notificationPipelines = plan
            .SelectMany(static (p, _) => p.Plan?.Notifications ?? EquatableArray<NotificationPlan>.Empty)
            .WithTrackingName(TrackingNames.NotificationPipelines);
        var streamPipelines = plan
            .SelectMany(static (p, _) => p.Plan?.Streams ?? EquatableArray<StreamPlan>.Empty)
            .WithTrackingName(TrackingNames.StreamPipelines);

        var pipelineFiles = pipelines.Collect()
            .Combine(notificationPipelines.Collect())
            .Combine(streamPipelines.Collect())
            .SelectMany(static (all, _) => PipelineFiles.Assign(all.Left.Left, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.PipelineFiles);

        context.RegisterSourceOutput(plan, static (spc, result) => EmitMediator(spc, result));
        context.RegisterSourceOutput(pipelineFiles, static (spc, file) => Emit(spc, file.HintName, PipelineFiles.Describe(file), () => PipelineFiles.Emit(file)));

        // Diagnostics: per class, and across all classes. Only this path meets the current compilation, to turn stored
        // positions (taken in the compilation last parsed) back into locations inside its syntax trees (so #pragma and
        // .editorconfig apply). It runs on every edit, with one array per kind, nearly always empty.
        var compilation = declarations.Combine(context.CompilationProvider);
        context.RegisterSourceOutput(support.Select(static (s, _) => s.Diagnostics).Combine(compilation), static (spc, d) => Report(spc, d.Left, d.Right));
        var compositionDiagnostics = moduleReferences
            .Combine(composition)
            .Combine(compositionSetting.Select(static (s, _) => s.Problem))
            .Select(static (input, _) => input.Left.Left.Diagnostics.Concat(input.Left.Right.Diagnostics)
                .Concat(input.Right is { } problem ? new[] { problem } : Array.Empty<DiagnosticInfo>())
                .ToEquatableArray());
        context.RegisterSourceOutput(compositionDiagnostics.Combine(compilation), static (spc, d) => Report(spc, d.Left, d.Right));

        // The generator's own diagnostics, unless the compiler rejects a declaration it reads: it then says nothing, and
        // the compiler's error is the one to fix (the rule: for code the compiler rejects, the generator adds no error).
        var quiet = context.CompilationProvider
            .Select(static (c, ct) => SyntaxErrors.InDeclarations(c, ct))
            .Combine(discoveries.Select(static (d, _) => d.HasCompileErrors))
            .Combine(usedMiddlewares.Select(static (used, _) => used.Any(m => m.HasCompileErrors)))
            .Combine(support.Select(static (s, _) => s.CanGenerate))
            .Select(static (q, _) => q.Left.Left.Left || q.Left.Left.Right || q.Left.Right || !q.Right)
            .WithTrackingName(TrackingNames.Quiet);
        var reporting = compilation.Combine(quiet);
        var classDiagnostics = discoveries
            .Select(static (d, _) => d.Handlers.SelectMany(h => h.Diagnostics)
                .Concat(d.Middlewares.SelectMany(m => m.Diagnostics))
                .Concat(d.TypeDiagnostics)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ClassDiagnostics);
        context.RegisterSourceOutput(classDiagnostics.Combine(reporting), static (spc, d) => ReportUnlessQuiet(spc, d.Left, d.Right));
        var usedMiddlewareDiagnostics = usedMiddlewares
            .Select(static (used, _) => used.SelectMany(d => d.Diagnostics).ToEquatableArray());
        context.RegisterSourceOutput(usedMiddlewareDiagnostics.Combine(reporting), static (spc, d) => ReportUnlessQuiet(spc, d.Left, d.Right));
        // [assembly: PublishStrategy] and [assembly: PublishFailures] (MED0055 to MED0057); a type's own are class diagnostics.
        var assemblyPublishPolicy = declarations
            .Select(static (c, ct) => PublishPolicyParser.Check(c.Assembly.GetAttributes(), "the assembly", ct).ToEquatableArray())
            .WithTrackingName(TrackingNames.AssemblyPublishPolicy);
        context.RegisterSourceOutput(assemblyPublishPolicy.Combine(reporting), static (spc, d) => ReportUnlessQuiet(spc, d.Left, d.Right));
        var crossCutting = discoveries
            .Combine(usedMiddlewares)
            .Combine(resolved)
            .Select(static (input, _) => CrossCuttingSafely(
                input.Left.Left.Handlers.AsImmutableArray(),
                input.Left.Left.Middlewares.AsImmutableArray(),
                input.Left.Left.Messages.AsImmutableArray(),
                input.Left.Right,
                input.Right))
            .WithTrackingName(TrackingNames.CrossCuttingDiagnostics);
        context.RegisterSourceOutput(crossCutting.Combine(reporting), static (spc, d) => ReportUnlessQuiet(spc, d.Left, d.Right));

        // The calls of each file (Parsing/FileCalls): read again only for a changed file, or for every file when a
        // declaration changed, never through a syntax provider, whose transforms re-run for every file on each edit.
        // Positions are taken in the file's tree, which is the current compilation's whenever the file is unchanged.
        var fileCalls = context.CompilationProvider
            .SelectMany(static (c, _) => c.SyntaxTrees)
            .Combine(context.CompilationProvider)
            .WithComparer(new TreeInCompilation())
            .Select(static (input, ct) => FileCalls.Read(input.Item1, input.Item2, ct))
            .WithTrackingName(TrackingNames.FileCalls);

        // Calls checked against what this project and its modules handle (MED0044 to MED0047).
        var callSites = fileCalls
            .Select(static (file, _) => file.Checked)
            .Collect()
            .Select(static (files, _) => files.SelectMany(calls => calls.AsImmutableArray()).ToEquatableArray())
            .WithTrackingName(TrackingNames.CallSites);
#if ROSLYN4_14

        // Calls bound to the typed pipelines (docs/interceptors.md): steps of their own after the plan, one output per file.
        InterceptorSteps.Register(context, plan, fileCalls);
#endif
        var isApplication = context.CompilationProvider
            .Select(static (c, _) => c.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication);
        var callSiteDiagnostics = callSites
            .Combine(resolved)
            .Combine(composition)
            .Combine(options)
            .Combine(project.Select(static (p, _) => p.AssemblyName ?? string.Empty))
            .Combine(isApplication)
            .Combine(composesModules)
            .Select(static (input, _) => CallSiteChecksSafely(
                input.Left.Left.Left.Left.Left.Left,
                input.Left.Left.Left.Left.Left.Right.Pipelines,
                input.Left.Left.Left.Left.Right,
                input.Left.Left.Left.Right.Mediator,
                input.Left.Left.Right,
                input.Left.Right,
                input.Right))
            .WithTrackingName(TrackingNames.CallSiteDiagnostics);
        context.RegisterSourceOutput(
            callSiteDiagnostics.Combine(context.CompilationProvider).Combine(quiet),
            static (spc, d) => ReportUnlessQuiet(spc, d.Left.Left, ((d.Left.Right, d.Left.Right), d.Right)));

        // Why nothing is generated under this name (MED0035, MED0036): true whatever else is wrong, so reported even when
        // quiet; but not beside MED0038 or MED0039, which already say that nothing can be generated at all.
        var nameDiagnostics = names
            .Combine(nameCheck)
            .Combine(support.Select(static (s, _) => s.CanGenerate))
            .Select(static (input, _) => input.Right
                ? input.Left.Left.Problems.Concat(input.Left.Right.Clashes).Concat(input.Left.Right.Failures).ToEquatableArray()
                : EquatableArray<DiagnosticInfo>.Empty);
        context.RegisterSourceOutput(nameDiagnostics.Combine(compilation), static (spc, d) => Report(spc, d.Left, d.Right));
    }

    /// <summary>The name checks; if they fail (a generator bug), MED0003 says so and the mediator is generated unchecked.</summary>
    internal static NameCheck NameCheckSafely(MediatorName? name, bool hasServiceCollection, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return new NameCheck(EquatableArray<DiagnosticInfo>.Empty, null);
        }

        try
        {
            var declared = NameClashFinder.Find(compilation, name, hasServiceCollection, cancellationToken);
            var used = CapturedNameFinder.Find(compilation, name, cancellationToken);
            return declared with { Clashes = declared.Clashes.Concat(used).ToEquatableArray() };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new NameCheck(EquatableArray<DiagnosticInfo>.Empty, null, new[] { Failure("the checks of the generated names", exception) }.ToEquatableArray());
        }
    }

    internal static PlanResult PlanSafely(ImmutableArray<HandlerSpec> handlers, ImmutableArray<MiddlewareSpec> middlewares, GeneratorOptions options)
        => PlanSafely(ResolveSafely(handlers, middlewares, ImmutableArray<MessageTypeSpec>.Empty), options);

    /// <summary>The pipelines, or the failure that prevented them (MED0003, reported by the checks: see <see cref="CrossCuttingSafely"/>).</summary>
    internal static ResolveResult ResolveSafely(
        ImmutableArray<HandlerSpec> handlers,
        ImmutableArray<MiddlewareSpec> middlewares,
        ImmutableArray<MessageTypeSpec> declaredNotifications,
        IEnumerable<ResolvedPipeline>? prepared = null)
    {
        try
        {
            return new ResolveResult(PipelineResolver.Resolve(handlers, middlewares, declaredNotifications, prepared), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ResolveResult(null, Failure("the pipeline plan", exception));
        }
    }

    /// <summary>
    /// One file's request and stream pipelines (<see cref="PipelineResolver.Singles"/>). A failure gives none: the one
    /// resolution then resolves those handlers itself and reports the failure as MED0003 (<see cref="ResolveSafely"/>).
    /// </summary>
    internal static EquatableArray<ResolvedPipeline> SinglesSafely(Discoveries file, EquatableArray<MiddlewareSpec> middlewares)
    {
        try
        {
            return PipelineResolver.Singles(file.Handlers.SelectMany(h => h.Handlers), middlewares);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return EquatableArray<ResolvedPipeline>.Empty;
        }
    }

    internal static PlanResult PlanSafely(ResolveResult resolved, GeneratorOptions options)
    {
        if (options.Mediator is null)
        {
            return PlanResult.Nothing;
        }

        if (resolved.Pipelines is not { } pipelines)
        {
            // Without pipelines nothing is generated; the checks report why, so that the failure is said once, and
            // also when the mediator's name is invalid.
            return PlanResult.Nothing;
        }

        try
        {
            var plan = PipelinePlanner.Plan(pipelines, options);
            if (options.ForeignRegistration is { } foreign && plan.Pipelines.Count + plan.Notifications.Count + plan.Streams.Count > 0)
            {
                // This project's mediator has messages but could not be registered under the usual name: say so.
                return new PlanResult(null, new DiagnosticInfo(DiagnosticDescriptors.NameClash.Id, null, new[]
                {
                    "Method '" + foreign.Method + "' from assembly '" + foreign.Assembly + "' has the name of the generated registration method '"
                        + options.Mediator.RegistrationMethod + "(IServiceCollection)' and is visible here, so a second one would make every call ambiguous",
                    "set <MediatorClassName> in this project's file, which renames this project's registration method",
                }.ToEquatableArray()));
            }

            return new PlanResult(plan, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new PlanResult(null, Failure("the pipeline plan", exception));
        }
    }

    /// <summary>The modules among the references; a failure (a generator bug) is MED0003 and composes nothing.</summary>
    internal static ModuleReferences ReadModulesSafely(ImmutableArray<MetadataReference> references, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return ModuleReader.Read(references, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ModuleReferences(EquatableArray<ModuleSpec>.Empty, new[] { Failure("the referenced modules", exception) }.ToEquatableArray());
        }
    }

    internal static Composition ComposeSafely(ResolvedPipelines? own, ModuleReferences references, string hostAssembly)
    {
        try
        {
            return ModuleComposer.Compose(own, references, hostAssembly);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Composition.None with { Diagnostics = new[] { Failure("the composition of the referenced modules", exception) }.ToEquatableArray() };
        }
    }

    /// <summary>
    /// The plan with the modules it forwards to; nothing for a project with neither handlers nor modules. Such a project
    /// (messages only, or Infrastructure that injects <c>IPublisher</c>) only passes the package on: a public mediator
    /// there would dispatch nothing, and a call to its <c>AddMediator()</c> is MED0044 (see docs/multi-project.md).
    /// </summary>
    internal static PlanResult WithModules(PlanResult result, Composition composition)
    {
        if (result.Plan is not { } plan)
        {
            return result;
        }

        if (composition.IsEmpty)
        {
            return HasMessages(plan) ? result : PlanResult.Nothing;
        }

        return result with { Plan = plan with { Composition = composition } };
    }

    private static bool HasMessages(MediatorPlan plan) => plan.Pipelines.Count + plan.Notifications.Count + plan.Streams.Count > 0;

    /// <summary>The checks of calls (<see cref="CallSiteChecks"/>); a failure (a generator bug) is MED0003.</summary>
    internal static EquatableArray<DiagnosticInfo> CallSiteChecksSafely(
        EquatableArray<CallSite> calls,
        ResolvedPipelines? own,
        Composition composition,
        MediatorName? mediator,
        string assemblyName,
        bool isApplication,
        bool composesModules)
    {
        try
        {
            return CallSiteChecks.Find(calls, own, composition, mediator, assemblyName, isApplication, composesModules);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new[] { Failure("the checks of Send and CreateStream calls", exception) }.ToEquatableArray();
        }
    }

    internal static EquatableArray<MiddlewareDiscovery> UsedMiddlewaresSafely(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return UseMiddlewareParser.Parse(compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new[] { new MiddlewareDiscovery(null, null, new[] { Failure("[assembly: UseMiddleware]", exception) }.ToEquatableArray()) }.ToEquatableArray();
        }
    }

    /// <summary>
    /// The checks over every pipeline. <paramref name="resolved"/> is the generator's one resolution; tests may leave it
    /// out, and the pipelines are then resolved from the discoveries' specs here.
    /// </summary>
    internal static EquatableArray<DiagnosticInfo> CrossCuttingSafely(
        ImmutableArray<HandlerDiscovery> handlers,
        ImmutableArray<MiddlewareDiscovery> middlewares,
        ImmutableArray<MessageDeclaration> messages,
        EquatableArray<MiddlewareDiscovery> usedMiddlewares = default,
        ResolveResult? resolved = null)
    {
        try
        {
            resolved ??= ResolveSafely(
                handlers.SelectMany(d => d.Handlers).ToImmutableArray(),
                middlewares.Concat(usedMiddlewares).Where(d => d.Middleware is not null).Select(d => d.Middleware!).ToImmutableArray(),
                messages.Where(m => m.Notification is not null).Select(m => m.Notification!).ToImmutableArray());
            if (resolved.Pipelines is not { } pipelines)
            {
                return new[] { resolved.Failure! }.ToEquatableArray();
            }

            return PipelineChecks.Find(handlers, middlewares, usedMiddlewares, messages, pipelines);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new[] { Failure("the cross-cutting checks", exception) }.ToEquatableArray();
        }
    }

    private static void EmitMediator(SourceProductionContext context, PlanResult result)
    {
        if (result.Failure is { } failure)
        {
            context.ReportDiagnostic(failure.ToDiagnostic(EmptyCompilation));
            return;
        }

        if (result.Plan is not { } plan)
        {
            return;
        }

        Emit(context, MediatorEmitter.HintName, "the mediator class", () => MediatorEmitter.Emit(plan));
        Emit(context, PublishEmitter.HintName, "the mediator's Publish methods", () => PublishEmitter.Emit(plan));
        Emit(context, StreamEmitter.HintName, "the mediator's CreateStream methods", () => StreamEmitter.Emit(plan));
        if (plan.EmitServiceCollection)
        {
            Emit(context, ServiceCollectionEmitter.HintName, "AddMediator()", () => ServiceCollectionEmitter.Emit(plan));
        }

        if (ModuleEmitter.IsModule(plan))
        {
            Emit(context, ModuleEmitter.HintName, "the module descriptor", () => ModuleEmitter.Emit(plan));
        }

        if (!plan.Composed.IsEmpty)
        {
            Emit(context, Composer.HintName, "the forwarding to referenced modules", () => Composer.Emit(plan));
        }
    }

    /// <summary>Adds one generated file; an emitter bug becomes MED0003 instead of a crashed build.</summary>
    internal static void Emit(SourceProductionContext context, string hintName, string what, Func<string> emit)
    {
        try
        {
            context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Failure(what, exception).ToDiagnostic(EmptyCompilation));
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics, (Compilation Parsed, Compilation Current) compilations)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(compilations.Parsed, compilations.Current));
        }
    }

    /// <summary>Reports the diagnostics, or, when quiet, only MED0003: a failure of the generator is its own bug, never an echo.</summary>
    private static void ReportUnlessQuiet(
        SourceProductionContext context,
        EquatableArray<DiagnosticInfo> diagnostics,
        ((Compilation Parsed, Compilation Current) Compilations, bool Quiet) reporting)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (!reporting.Quiet || diagnostic.Id == DiagnosticDescriptors.GeneratorFailure.Id)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(reporting.Compilations.Parsed, reporting.Compilations.Current));
            }
        }
    }

    private static DiagnosticInfo Failure(string what, Exception exception)
        => DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, what, exception.GetType().Name, exception.Message);

    /// <summary>Stands in where a failure has no location to map.</summary>
    private static readonly Compilation EmptyCompilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("empty");

    /// <summary>The resolved pipelines, or the failure that prevented them.</summary>
    internal sealed record ResolveResult(ResolvedPipelines? Pipelines, DiagnosticInfo? Failure);

    /// <summary>The plan, or the failure (or the foreign registration) that prevented it; neither when nothing is to be generated.</summary>
    internal sealed record PlanResult(MediatorPlan? Plan, DiagnosticInfo? Failure)
    {
        /// <summary>Nothing to generate (see <see cref="SupportCheck"/> and <see cref="NameClashFinder"/>), and nothing went wrong.</summary>
        public static readonly PlanResult Nothing = new(null, null);
    }
}
