using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes <c>AddMediator()</c>: every handler, middleware and pipeline registered by name, pipelines built by
/// generated factories. No assembly scanning, no reflection over open generics.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public const string HintName = "Mediator.ServiceCollectionExtensions.g.cs";

    private const string Di = "global::Microsoft.Extensions.DependencyInjection";
    private const string TryAdd = Di + ".Extensions.ServiceCollectionDescriptorExtensions.TryAdd";
    private const string Descriptor = Di + ".ServiceDescriptor";
    private const string GetRequired = Di + ".ServiceProviderServiceExtensions.GetRequiredService";

    /// <summary>
    /// What registering one pipeline takes: its class, lifetime and constructor arguments, and the services it uses.
    /// A pipeline in an obsolete context (<see cref="UsageEmitter"/>) registers itself and its services that name obsolete
    /// types, in a <c>Register</c> method inside it, where C# accepts those names.
    /// </summary>
    private sealed record Registration(MessageShape Pipeline, IReadOnlyList<string> Arguments, IReadOnlyList<string> Services)
    {
        public string ClassName => Pipeline.ClassName;

        public bool InObsoleteContext => Pipeline.InObsoleteContext;
    }

    private static IEnumerable<Registration> Registrations(MediatorPlan plan, string getServiceOr)
    {
        // Request and stream pipelines are built alike: their steps, their handler, then the observer.
        var handlerPipelines = plan.Pipelines.Select(p => (p.Shape, p.Steps, p.HandlerType))
            .Concat(plan.Streams.Select(p => (p.Shape, p.Steps, p.HandlerType)));
        foreach (var (shape, steps, handler) in handlerPipelines)
        {
            yield return new Registration(
                shape,
                steps.Select(s => Construct(s, getServiceOr)).Concat(new[] { Resolve(handler), Observer }).ToList(),
                steps.Select(s => s.MiddlewareType).Concat(new[] { handler }).ToList());
        }

        foreach (var pipeline in plan.Notifications)
        {
            yield return new Registration(
                pipeline.Shape,
                NotificationFields.For(pipeline).Select(f => f.Step is { } step ? Construct(step, getServiceOr) : Resolve(f.Type))
                    .Concat(new[] { GetRequired + "<" + Code.PublishRuntime + ">(sp)" })
                    .ToList(),
                NotificationFields.For(pipeline).Select(f => f.Type).ToList());
        }
    }

    private const string Observer = "(global::Mediator.IDispatchObserver?)sp.GetService(typeof(global::Mediator.IDispatchObserver))";

    private static void WritePipeline(SourceWriter writer, MediatorPlan plan, Registration registration)
    {
        var type = plan.Mediator.FullName + "." + registration.ClassName;
        writer.Line(TryAdd + "(services, " + Descriptor + "." + registration.Pipeline.Lifetime + "<" + type + ">(sp => new " + type + "(" + string.Join(", ", registration.Arguments) + ")));");
    }

    private static void WriteService(SourceWriter writer, ServiceRegistration service)
        => writer.Line(TryAdd + "(services, " + Descriptor + "." + service.Lifetime + "<" + service.Type + ", " + service.Type + ">());");

    private static string Resolve(string type) => GetRequired + "<" + type + ">(sp)";

    /// <summary>
    /// A container-resolved middleware, or, for one configured by the message's attribute, a <c>new</c> with the
    /// attribute rebuilt from its constants and the other parameters from the container (through
    /// <paramref name="getServiceOr"/> for optional ones).
    /// </summary>
    private static string Construct(PipelineStep step, string getServiceOr)
    {
        if (!step.IsConfigured)
        {
            return Resolve(step.MiddlewareType);
        }

        var arguments = step.Arguments.Select(a => a.Source switch
        {
            ParameterSource.Service => Resolve(a.Type),
            ParameterSource.OptionalService => getServiceOr + "<" + a.Type + ">(sp, " + a.Expression + ")",
            _ => a.Expression,
        });
        return "new " + step.MiddlewareType + "(" + string.Join(", ", arguments) + ")";
    }

    private static bool HasOptionalServices(MediatorPlan plan)
        => plan.Pipelines.SelectMany(p => p.Steps)
            .Concat(plan.Streams.SelectMany(p => p.Steps))
            .Concat(plan.Notifications.SelectMany(p => p.AllSteps))
            .Any(s => s.Arguments.Any(a => a.Source == ParameterSource.OptionalService));

    public static string Emit(MediatorPlan plan)
    {
        var mediator = plan.Mediator.FullName;
        var writer = Code.MediatorFile(plan);
        using (writer.Block("namespace Microsoft.Extensions.DependencyInjection"))
        {
            writer.Line("/// <summary>Registers the mediator generated for this assembly.</summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal static class " + plan.Mediator.RegistrationClass))
            {
                writer.Line("/// <summary>");
                writer.Line("/// Registers the generated mediator (as <c>" + Code.Doc(mediator) + "</c>, <c>IMediator</c>, <c>ISender</c> and <c>IPublisher</c>),");
                writer.Line("/// its " + (plan.Pipelines.Count + plan.Streams.Count + plan.Notifications.Count) + " pipeline(s), and every handler and middleware they use. Calling it twice is harmless.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"services\">The service collection.</param>");
                writer.Line("/// <returns>The same collection, for chaining.</returns>");
                using (writer.Block("public static " + Di + ".IServiceCollection " + plan.Mediator.RegistrationMethod + "(this " + Di + ".IServiceCollection services)"))
                {
                    WriteRegistrations(writer, plan, "GetServiceOr", asInterfaces: true);
                    writer.Line("return services;");
                }

                if (HasOptionalServices(plan))
                {
                    writer.Line();
                    writer.Line("/// <summary>A per-message middleware's optional parameter: the registered service, else the parameter's default.</summary>");
                    writer.Line("internal static T GetServiceOr<T>(global::System.IServiceProvider sp, T fallback) => sp.GetService(typeof(T)) is T service ? service : fallback;");
                }
            }
        }

        WriteObsoleteContextRegistrations(writer, plan);
        return writer.ToString();
    }

    /// <summary>
    /// The registrations <c>AddMediator()</c> makes, and a module's <c>RegisterModule</c> (without <c>IMediator</c>,
    /// <c>ISender</c> and <c>IPublisher</c>, which are the host's).
    /// </summary>
    internal static void WriteRegistrations(SourceWriter writer, MediatorPlan plan, string getServiceOr, bool asInterfaces)
    {
        var mediator = plan.Mediator.FullName;
            writer.Line("if (services is null) throw new global::System.ArgumentNullException(\"services\");");
            writer.Line();
            writer.Line("// Handlers and middlewares");
            foreach (var service in plan.Services.Where(s => !s.NamesObsolete))
            {
                WriteService(writer, service);
            }

            writer.Line();
            writer.Line("// Pipelines: one per message type, with the shortest lifetime of its handlers and middleware");
            foreach (var registration in Registrations(plan, getServiceOr))
            {
                if (registration.InObsoleteContext)
                {
                    writer.Line(mediator + "." + registration.ClassName + ".Register(services);");
                }
                else
                {
                    WritePipeline(writer, plan, registration);
                }
            }

            if (plan.Notifications.Count > 0)
            {
                writer.Line();
                writer.Line("// What notification pipelines share: retry policy, clock, dead-letter sink and observer, read from the container");
                writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + Code.PublishRuntime + ">(sp => " + Code.PublishRuntime + ".FromServices(sp)));");
            }

            writer.Line();
            writer.Line("// The mediator: transient, so that it resolves scoped pipelines from the scope it was resolved in");
            writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + mediator + ".PipelineCache>(sp => new " + mediator + ".PipelineCache(sp)));");
            writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<" + mediator + ">(sp => new " + mediator + "(sp, " + GetRequired + "<" + mediator + ".PipelineCache>(sp))));");
            if (asInterfaces)
            {
                writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IMediator>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
                writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.ISender>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
                writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IPublisher>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
            }

            // The modules this project references: their pipelines, handlers and middleware, and their mediators, which
            // this one forwards their messages to (their interface registrations are this project's, above).
            for (var i = 0; i < plan.Composed.Modules.Count; i++)
            {
                if (i == 0)
                {
                    writer.Line();
                    writer.Line("// The referenced modules whose messages this mediator forwards");
                }

                writer.Line(plan.Composed.Modules[i].MediatorType + "." + ModuleEmitter.RegisterModule + "(services);");
            }
    }

    /// <summary>The <c>Register</c> of each pipeline in an obsolete context, as another part of its class.</summary>
    private static void WriteObsoleteContextRegistrations(SourceWriter writer, MediatorPlan plan)
    {
        var getServiceOr = "global::" + MediatorName.RegistrationNamespace + "." + plan.Mediator.RegistrationClass + ".GetServiceOr";
        var shielded = Registrations(plan, getServiceOr).Where(r => r.InObsoleteContext).ToList();
        if (shielded.Count == 0)
        {
            return;
        }

        var byType = plan.Services.Where(s => s.NamesObsolete).ToDictionary(s => s.Type, System.StringComparer.Ordinal);
        writer.Line();
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            var first = true;
            foreach (var registration in shielded)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                using (writer.Block("partial class " + registration.ClassName))
                {
                    writer.Line("/// <summary>Registers this pipeline and the services it uses whose names mention obsolete types, which only code in an obsolete context may write.</summary>");
                    using (writer.Block("internal static void Register(" + Di + ".IServiceCollection services)"))
                    {
                        foreach (var type in registration.Services.Distinct(System.StringComparer.Ordinal))
                        {
                            if (byType.TryGetValue(type, out var service))
                            {
                                WriteService(writer, service);
                            }
                        }

                        WritePipeline(writer, plan, registration);
                    }
                }
            }
        }
    }
}
