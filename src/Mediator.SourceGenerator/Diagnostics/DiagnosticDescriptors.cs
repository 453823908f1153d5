using Mediator.Shared;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable and never reused; each has a page at
/// <c>docs/diagnostics/&lt;ID&gt;.md</c> and a line in the release tracking files.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Mediator";

    /// <summary>Base of the help links; the page name is the diagnostic ID.</summary>
    public const string HelpLinkBase = "https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/";

    // Message texts shared by several descriptors, written once: a built-in rule broken one way or the other
    // (MED0012-MED0016), a declared rule (MED0019/MED0020), a missing concern (MED0021/MED0022).
    private const string RunsOutsideButMustRunInside = "'{0}' runs outside '{1}' in {2}: {3}; make it run inside '{1}' (give it a higher Order, or move it to an inner layer)";
    private const string RunsInsideButMustRunOutside = "'{0}' runs inside '{1}' in {2}: {3}; make it run outside '{1}' (give it a lower Order, or move it to an outer layer)";
    private const string OrderingRuleBrokenText = "'{0}' must run {1} '{2}' but runs {3} it in {4}: {5}; give '{0}' {6} '{2}', or move it to another layer";
    private const string RequiredConcernMissingText = "'{0}' asks for {1} through {2}, but no middleware in its pipeline provides it; add a middleware marked [Middleware(Concern = \"{1}\")] whose constraints match it, or add the built-in one with [assembly: UseMiddleware(...)]";

    public static readonly DiagnosticDescriptor RequestHasNoHandler = Create(
        "MED0001",
        "Request has no handler",
        "Request '{0}' has no handler: add a class marked [Handler] that implements {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequestHasSeveralHandlers = Create(
        "MED0002",
        "Request has more than one handler",
        "Request '{0}' is handled by {1}: a request must have exactly one handler, remove all but one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "MED0003",
        "The mediator generator could not process this code",
        "The mediator generator could not process '{0}' ({1}: {2}); the mediator was generated without it. Please report this with the code that causes it.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeNotAccessible = Create(
        "MED0004",
        "Type is not accessible to the generated mediator",
        "'{0}' is {1}: the generated mediator cannot reference it; make it internal or public, and every type it is nested in too",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedHandler = Create(
        "MED0005",
        "Handler shape is not supported",
        "'{0}' cannot be a handler: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HandlerWithoutContract = Create(
        "MED0006",
        "[Handler] class implements no handler interface",
        "'{0}' is marked [Handler] but implements no handler interface (IRequestHandler<TRequest, TResponse>, IRequestHandler<TRequest>, INotificationHandler<TNotification> or IStreamRequestHandler<TRequest, TItem>); implement one or remove the attribute",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MiddlewareWithoutContract = Create(
        "MED0007",
        "[Middleware] class implements no middleware interface",
        "'{0}' is marked [Middleware] but implements no middleware interface (IMiddleware<TMessage, TResult>, IRequestMiddleware<TRequest, TResponse>, INotificationMiddleware<TNotification> or IStreamMiddleware<TRequest, TItem>); implement one or remove the attribute",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MiddlewareMatchesNothing = Create(
        "MED0008",
        "Middleware applies to no message",
        "Middleware '{0}' is in no pipeline: no handled message in this project satisfies its contract, its generic constraints and its direction",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedMiddleware = Create(
        "MED0009",
        "Middleware shape is not supported",
        "'{0}' cannot be used as middleware: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotificationHasNoHandler = Create(
        "MED0010",
        "Notification has no handler",
        "Notification '{0}' has no handler, so publishing it does nothing; add a class marked [Handler] that implements {1}, or suppress MED0010 while handlers are still to come",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidMiddlewareGroup = Create(
        "MED0011",
        "Type cannot be a middleware group",
        "'{0}' is marked [MiddlewareGroup] but {1}; a group is an interface or a class that is neither sealed nor static, which messages implement or derive from",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CachingOutsideAuthorization = Create(
        BuiltInRules.CachingInsideAuthorization,
        "Caching runs outside authorization",
        RunsOutsideButMustRunInside,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RetryInsideTransaction = Create(
        BuiltInRules.RetryOutsideTransaction,
        "Retry runs inside a transaction",
        RunsInsideButMustRunOutside,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CircuitBreakerOutsideRetry = Create(
        BuiltInRules.CircuitBreakerInsideRetry,
        "Circuit breaker runs outside retry",
        RunsOutsideButMustRunInside,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RateLimitInsideRetry = Create(
        BuiltInRules.RateLimitOutsideRetry,
        "Rate limit runs inside retry",
        RunsInsideButMustRunOutside,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TransactionNotInnermost = Create(
        BuiltInRules.TransactionInnermost,
        "Transaction is not the innermost built-in middleware",
        RunsOutsideButMustRunInside,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SameOrderInLayer = Create(
        "MED0017",
        "Two middlewares in one layer have the same Order",
        "'{0}' and '{1}' both have Order {2} in one layer of {3}, and no [RunsBefore] or [RunsAfter] says which runs first; give one of them another Order or add [RunsBefore]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OrderingCycle = Create(
        "MED0018",
        "[RunsBefore]/[RunsAfter] constraints form a cycle",
        "The [RunsBefore]/[RunsAfter] constraints form a cycle: {0}; remove one of them (the cycle is broken by Order, then name, meanwhile)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OrderingRuleBroken = Create(
        "MED0019",
        "Middleware ordering rule is broken",
        OrderingRuleBrokenText,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OrderingRuleBrokenError = Create(
        "MED0020",
        "Middleware ordering rule is broken (error)",
        OrderingRuleBrokenText,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequiredConcernMissingError = Create(
        "MED0021",
        "A message asks for a concern (such as authorization) that its pipeline lacks",
        RequiredConcernMissingText,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequiredConcernMissing = Create(
        "MED0022",
        "A message asks for a concern that its pipeline lacks",
        RequiredConcernMissingText,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidUseMiddleware = Create(
        "MED0023",
        "[assembly: UseMiddleware] names a type that cannot be added",
        "[assembly: UseMiddleware] cannot add '{0}': {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OrderingTargetNotMiddleware = Create(
        "MED0024",
        "Ordering attribute names a type that is not middleware",
        "[{1}] on '{0}' names '{2}', which is not marked [Middleware], so the constraint can never apply; name a [Middleware] class or a concern",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidConcernName = Create(
        "MED0025",
        "Concern name is empty",
        "{1} on '{0}' names an empty concern; use a name from Mediator.Concerns, or a name of your own without leading or trailing spaces",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UseMiddlewareOnNonHandler = Create(
        "MED0026",
        "[UseMiddleware] is on a class that is not a handler",
        "[UseMiddleware] on '{0}' has no effect because '{0}' is not marked [Handler]; put it on a [Handler] class to wrap that handler, or on the assembly ([assembly: UseMiddleware(...)]) to apply it wherever its constraints fit",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HandlerMiddlewareDoesNotFit = Create(
        "MED0027",
        "Middleware named on a handler cannot wrap it",
        "[UseMiddleware] on '{0}' names '{1}', which cannot wrap it: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HandlerMiddlewareRunsTwice = Create(
        "MED0028",
        "Middleware named on a handler would run twice",
        "[UseMiddleware] on '{0}' names '{1}', which already wraps it {2}, so it would run twice; {3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PublishMiddlewareOnHandler = Create(
        "MED0029",
        "Publish-side middleware named on a handler",
        "[UseMiddleware] on '{0}' names '{1}', a publish-side middleware (Direction = MiddlewareDirection.OnPublish): it runs once per Publish, before the fan-out, not around one handler; name a message-side middleware here, or apply this one to the notification with its constraints or [assembly: UseMiddleware]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WrongDispatchMethod = Create(
        "MED0030",
        "Message passed to the wrong dispatch method",
        "'{0}' is {1}, which {2} does not dispatch; call {3} instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MiddlewareNeverCallsNext = Create(
        "MED0031",
        "Middleware never calls next",
        "Middleware '{0}' never uses its '{1}' parameter, so the handler and every inner middleware never run; call {1}.InvokeAsync(...) on the paths that should continue",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MiddlewareHasMutableState = Create(
        "MED0032",
        "Middleware has mutable instance state",
        "Middleware '{0}' is one shared instance for all concurrent messages, but {1} '{2}' {3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BlockingCallInPipeline = Create(
        "MED0033",
        "Blocking call in a handler or middleware",
        "'{0}' blocks the thread inside {1} '{2}'; {3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ContractWithoutAttribute = Create(
        "MED0034",
        "Handler or middleware class is not marked with its attribute",
        "'{0}' implements {1} but is not marked [{2}], and the generator only wires classes marked [{2}]: add [{2}], or make the class abstract if it is a base class",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MediatRUsage = Create(
        "MED0060",
        "MediatR code the migration code fix can port",
        "{0}: the code fix 'Port from MediatR' rewrites it for this library (dotnet format analyzers --severity info --diagnostics MED0060 ports a whole solution)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NameClash = Create(
        "MED0035",
        "A name in your code clashes with a name the generated mediator needs",
        "{0}; the mediator is not generated until one of them is renamed: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidMediatorName = Create(
        "MED0036",
        "MediatorNamespace or MediatorClassName is not a usable name",
        "{0} cannot name the generated mediator: {1}; nothing is generated until it is changed",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMessage = Create(
        "MED0037",
        "Message shape is not supported",
        "'{0}' cannot be a message: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "MED0038",
        "C# language version is below 8",
        "The mediator generator needs C# 8 or later, and this project compiles as C# {0}; no mediator was generated. Set <LangVersion>8</LangVersion> or later in the project file (or remove LangVersion to use the target framework's default).",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ContractRedeclared = Create(
        "MED0039",
        "A type of the library is declared again in this project",
        "'{0}' is declared in this project and hides the type of the same name in {1} (warning CS0436); the generated code names it, and would get this declaration instead, so no mediator was generated. Rename it, or move it to a namespace of the project's own.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SingletonCapturesShorterLifetime = Create(
        "MED0040",
        "A singleton handler or middleware takes a scoped or transient dependency",
        "{0} '{1}' is a singleton, but its constructor takes '{3}' ('{2}'), {4}: a singleton keeps the one instance it is given and shares it between every dispatch for the life of the application; make it scoped ({5}), or {6}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HandledInTwoProjects = Create(
        "MED0041",
        "Message handled in two projects",
        "{0} '{1}' is handled in both '{2}' and '{3}': the composed mediator can dispatch it to one project only; remove one of the handlers",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IncompatibleModule = Create(
        "MED0042",
        "Referenced project was built with an incompatible mediator generator",
        "Referenced assembly '{0}' has a mediator generated by {1}, which this generator cannot compose; its handlers are not in this project's mediator. Rebuild '{0}' with the same version of the mediator package as this project.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor HandlersWithoutGeneratedMediator = Create(
        "MED0043",
        "Referenced assembly has handlers but no generated mediator",
        "Referenced assembly '{0}' declares [Handler] classes ('{1}') but was built without the mediator generator, so they are not in this project's mediator; reference the mediator package in '{0}' (not only the abstractions)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RegistrationWithoutMediator = Create(
        "MED0044",
        "No mediator is generated in this project",
        "'{0}()' is not generated in '{1}': the project has no [Handler] classes and references no project with handlers, so it has no mediator to register. Call {0}() in the project that composes the handlers (the application's host), or reference the project whose handlers this one should dispatch to.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SentAndHandledNowhere = Create(
        "MED0045",
        "Message sent but handled nowhere",
        "{0} '{1}' has no handler in '{2}' or in the projects it references{3}, so {4} throws HandlerNotFoundException: add a [Handler] for it, or reference the project that handles it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SentAndHandledNowhereInLibrary = Create(
        "MED0046",
        "Message sent but handled nowhere this library can see",
        "{0} '{1}' has no handler in '{2}' or in the projects it references{3}, so {4} throws HandlerNotFoundException unless the application that composes '{2}' handles it elsewhere: add a [Handler] for it, or reference the project that handles it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ModuleRegisteredDirectly = Create(
        "MED0047",
        "A module's registration is called directly",
        "'{0}' is how the generated {1}() registers the module '{2}'; on its own it registers no IMediator, ISender or IPublisher, and the handlers of this project and the other modules are missing: call services.{1}() instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidComposeModules = Create(
        "MED0048",
        "Invalid MediatorComposeModules value",
        "<{0}> is '{1}', which is not a value it accepts ({2}); the project composes the modules it references, as by default. Set it to false to keep the project to its own handlers, or remove it.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ProcessorWithSeveralRoles = Create(
        "MED0050",
        "A [Middleware] class is more than one pipeline step",
        "'{0}' is {1}; one class is one step of a pipeline: split it into one class per step",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OpenProcessorException = Create(
        "MED0051",
        "Exception handler or action with an open exception type",
        "'{0}' takes its exception type from the type parameter '{1}'; which exceptions a pipeline step catches is decided at compile time: write a concrete exception type (System.Exception sees every exception)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProcessorMatchesNothing = Create(
        "MED0052",
        "Processor applies to no message",
        "{1} '{0}' is in no pipeline: no handled request or stream in this project satisfies its contract and its generic constraints",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ProcessorResponseMismatch = Create(
        "MED0053",
        "Processor's response type is not the request's",
        "{1} '{0}' never runs: {2}; write the response type the request declares (Unit for a request without one)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SharedCacheHandlerReadsCaller = Create(
        "MED0070",
        "A cached answer shared across callers comes from a handler that reads the caller",
        "'{0}' is cached with [Cache(SharedAcrossCallers = true)], so one answer is given to every caller, but its handler '{1}' takes '{2}' ('{3}'){4}, which reads the current caller: one user's answer would reach another. Remove SharedAcrossCallers (the key then includes the caller), or stop reading the caller in the handler.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NeverAMessage = Create(
        "MED0058",
        "A value that can never be a message is dispatched as an object",
        "'{0}' is no message and no value of that type can be one, so {1}(object) would throw NotAMessageException; pass the message itself (a type that implements {2})",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SeveralResponsesSentAsObject = Create(
        "MED0059",
        "A request with several responses is sent as an object",
        "'{0}' answers {1}, so Send cannot infer which and the call binds to Send(object), which sends it through one of its pipelines and returns the answer as an object; call Send<TResponse> to choose the response",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidPublishStrategy = Create(
        "MED0055",
        "Type cannot be a publish strategy",
        "'{0}' is named by [PublishStrategy(typeof(...))] but cannot be a publish strategy: {1}; name a non-abstract, non-generic class that implements Mediator.IPublishStrategy",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PublishFailuresWithoutEffect = Create(
        "MED0056",
        "[PublishFailures] has no effect beside this strategy",
        "[PublishFailures] on {0} has no effect: its [PublishStrategy] is fire-and-forget (the caller sees no failure) or a strategy of yours (which decides what it throws); remove one of the two attributes",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndefinedPublishPolicy = Create(
        "MED0057",
        "Publish strategy or failure mode is not defined",
        "{0} is not a value of {1} (on {2}), so the default is used; name one of its members",
        DiagnosticSeverity.Error);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        RequestHasNoHandler,
        RequestHasSeveralHandlers,
        GeneratorFailure,
        TypeNotAccessible,
        UnsupportedHandler,
        HandlerWithoutContract,
        MiddlewareWithoutContract,
        MiddlewareMatchesNothing,
        UnsupportedMiddleware,
        NotificationHasNoHandler,
        InvalidMiddlewareGroup,
        CachingOutsideAuthorization,
        RetryInsideTransaction,
        CircuitBreakerOutsideRetry,
        RateLimitInsideRetry,
        TransactionNotInnermost,
        SameOrderInLayer,
        OrderingCycle,
        OrderingRuleBroken,
        OrderingRuleBrokenError,
        RequiredConcernMissingError,
        RequiredConcernMissing,
        InvalidUseMiddleware,
        OrderingTargetNotMiddleware,
        InvalidConcernName,
        UseMiddlewareOnNonHandler,
        HandlerMiddlewareDoesNotFit,
        HandlerMiddlewareRunsTwice,
        PublishMiddlewareOnHandler,
        WrongDispatchMethod,
        MiddlewareNeverCallsNext,
        MiddlewareHasMutableState,
        BlockingCallInPipeline,
        ContractWithoutAttribute,
        NameClash,
        InvalidMediatorName,
        UnsupportedMessage,
        LanguageVersionTooLow,
        ContractRedeclared,
        SingletonCapturesShorterLifetime,
        HandledInTwoProjects,
        IncompatibleModule,
        HandlersWithoutGeneratedMediator,
        RegistrationWithoutMediator,
        SentAndHandledNowhere,
        SentAndHandledNowhereInLibrary,
        ModuleRegisteredDirectly,
        InvalidComposeModules,
        ProcessorWithSeveralRoles,
        OpenProcessorException,
        ProcessorMatchesNothing,
        ProcessorResponseMismatch,
        InvalidPublishStrategy,
        PublishFailuresWithoutEffect,
        UndefinedPublishPolicy,
        NeverAMessage,
        SeveralResponsesSentAsObject,
        MediatRUsage,
        SharedCacheHandlerReadsCaller,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
