using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes a notification pipeline's fan-out. Sequential: a plain method delivers to each handler in turn and, as long as
/// every handler completes synchronously, never builds a state machine; at the first handler that is still running or
/// throws, an async method takes over from that handler on (drop, retry, failure collection). Stop-on-first-failure is
/// the same code, which throws after the first handler that failed; fire-and-forget runs the sequential fan-out too (the
/// mediator's <c>Publish</c> is what does not wait, see <see cref="PublishEmitter"/>). Concurrent: every delivery is
/// started before any is awaited. A strategy of the user's gets a <see cref="CustomStrategyEmitter.HandlerSet"/> instead.
/// </summary>
internal static class FanOutEmitter
{
    private const string FailureList = "global::System.Collections.Generic.List<global::Mediator.NotificationFailure>";

    /// <summary>What a delivery answers: the failure to collect, or null. Written out, not <c>var</c>: a user type named <c>var</c> would capture that.</summary>
    private const string Failure = "global::Mediator.NotificationFailure?";

    public static void Write(SourceWriter writer, NotificationPlan pipeline)
    {
        if (pipeline.Kind == PublishStrategyKind.Concurrent)
        {
            WriteConcurrent(writer, pipeline);
            return;
        }

        if (pipeline.Kind == PublishStrategyKind.Custom)
        {
            CustomStrategyEmitter.WriteFanOut(writer, pipeline);
            return;
        }

        WriteSequential(writer, pipeline);
        writer.Line();
        WriteSequentialFrom(writer, pipeline);
    }

    /// <summary>
    /// Whether the fan-out answers <c>ValueTask&lt;Unit&gt;</c>: when the last publish-side middleware is an
    /// <c>IMiddleware&lt;T, Unit&gt;</c>, whose <c>next</c> answers that. Otherwise (an <c>INotificationMiddleware</c>, or
    /// none) a plain <c>ValueTask</c>.
    /// </summary>
    /// <summary>
    /// The runtime's call that throws the collected failures: all of them together (<c>PublishException</c>), or with
    /// <c>[PublishFailures(PublishFailures.Original)]</c> a single failure's own exception. A fire-and-forget publish's
    /// failures never reach a caller, so it keeps the aggregate, which its runner reads.
    /// </summary>
    private static string ThrowIfFailed(NotificationPlan pipeline)
        => Code.NotificationDelivery
            + (pipeline.Failures == PublishFailureKind.Original && pipeline.Kind != PublishStrategyKind.FireAndForget ? ".ThrowOriginalIfFailed(" : ".ThrowIfFailed(")
            + "typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), failures);";

    internal static bool ReturnsUnit(NotificationPlan pipeline)
        => pipeline.PublishSteps.Count > 0 && !pipeline.PublishSteps[pipeline.PublishSteps.Count - 1].ReturnsPlainValueTask;

    private static string ReturnType(NotificationPlan pipeline) => ReturnsUnit(pipeline) ? Code.ValueTask(Code.Unit) : Code.PlainValueTask;

    private static string Signature(NotificationPlan pipeline) => pipeline.Shape.MessageType.Display + " notification, " + Code.MessageContext + " context";

    /// <summary><c>!(x is null)</c>, not <c>x is not null</c>: generated code compiles at C# 8, the oldest we support.</summary>
    private static string CollectFailure(string failure)
        => "if (!(" + failure + " is null)) (failures ??= new " + FailureList + "()).Add(" + failure + ");";

    private static string Completed(NotificationPlan pipeline, int i)
        => Code.IfObserved + "_runtime.Observer!.OnNotificationOutcome(typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), typeof(" + pipeline.Handlers[i].HandlerType + "), global::Mediator.MessageOutcome.Completed, 1, null);";

    private static string Recover(NotificationPlan pipeline, int i, string error)
        => "await " + Code.NotificationDelivery + ".RecoverAsync(new Handler" + i + "Step0<TMode>(this), notification, context, _runtime, typeof(" + pipeline.Handlers[i].HandlerType + "), " + error + ").ConfigureAwait(false)";

    /// <summary>
    /// Starts handler <paramref name="i"/> into <paramref name="task"/>: its first middleware (a ValueTask&lt;Unit&gt;, or a
    /// plain ValueTask for an <c>INotificationMiddleware</c>), or without any its own <c>Handle</c> (a plain ValueTask, no
    /// Unit conversion; Handler&lt;i&gt;Step0 still serves retries).
    /// </summary>
    private static void WriteStart(SourceWriter writer, NotificationPlan pipeline, int i, string task)
    {
        if (NotificationPipelineEmitter.StepCount(pipeline, i) == 0)
        {
            NotificationPipelineEmitter.WriteOnHandler(writer, pipeline, i, "_runtime");
            writer.Line(task + " = " + NotificationPipelineEmitter.HandlerCall(pipeline, i, "_handler" + i) + ";");
            return;
        }

        writer.Line(task + " = new Handler" + i + "Step0<TMode>(this).InvokeAsync(notification, context);");
    }

    private static void WriteSequential(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("/// <summary>");
        writer.Line(pipeline.Kind == PublishStrategyKind.StopOnFirstFailure
            ? "/// Delivers to every handler, one after the other, until one fails. Handlers that complete"
            : "/// Delivers to every handler, one after the other; a failure does not stop the rest. Handlers that complete");
        writer.Line("/// synchronously are delivered here, without a state machine; FanOutFromAsync takes over at the first that does not.");
        writer.Line("/// </summary>");
        using (writer.Block("private " + ReturnType(pipeline) + " FanOutAsync<TMode>(" + Signature(pipeline) + ") where TMode : struct"))
        {
            for (var i = 0; i < pipeline.Handlers.Count; i++)
            {
                var task = "task" + i;
                var unit = !NotificationPipelineEmitter.StartsPlain(pipeline, i);
                writer.Line((unit ? Code.ValueTask(Code.Unit) : Code.PlainValueTask) + " " + task + ";");
                using (writer.Block("try"))
                {
                    WriteStart(writer, pipeline, i, task);
                }

                using (writer.Block("catch (global::System.Exception exception)"))
                {
                    writer.Line("return FanOutFromAsync<TMode>(" + i + ", exception, default, notification, context);");
                }

                // A task still running (or faulted) is awaited by the async method, which also recovers from its failure.
                writer.Line("if (!" + task + ".IsCompletedSuccessfully) return FanOutFromAsync<TMode>(" + i + ", null, "
                    + (unit ? "global::Mediator.Internal.ValueTasks.ToVoid(" + task + ")" : task) + ", notification, context);");
                // Not '_ = task.Result': a user type named '_' would capture the discard.
                writer.Line(task + ".GetAwaiter().GetResult();");
                writer.Line(Completed(pipeline, i));
            }

            writer.Line("return default;");
        }
    }

    private static void WriteSequentialFrom(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The fan-out from handler <paramref name=\"from\"/> on, once a handler did not complete synchronously: that one's");
        writer.Line("/// <paramref name=\"pending\"/> task is awaited (or its <paramref name=\"error\"/> recovered from), then the rest run in");
        writer.Line(pipeline.Kind == PublishStrategyKind.StopOnFirstFailure
            ? "/// turn; the first failure is thrown at once, and the handlers after it do not run."
            : "/// turn; failures are collected and thrown together once all have run.");
        writer.Line("/// </summary>");
        using (writer.Block("private async " + ReturnType(pipeline) + " FanOutFromAsync<TMode>(int from, global::System.Exception? error, " + Code.PlainValueTask + " pending, " + Signature(pipeline) + ") where TMode : struct"))
        {
            writer.Line(FailureList + "? failures = null;");
            for (var i = 0; i < pipeline.Handlers.Count; i++)
            {
                using (writer.Block("if (from == " + i + ")"))
                {
                    using (writer.Block("if (error is null)"))
                    {
                        using (writer.Block("try"))
                        {
                            writer.Line("await pending.ConfigureAwait(false);");
                            writer.Line(Completed(pipeline, i));
                        }

                        using (writer.Block("catch (global::System.Exception exception)"))
                        {
                            writer.Line("error = exception;");
                        }
                    }

                    using (writer.Block("if (!(error is null))"))
                    {
                        writer.Line(Failure + " failure = " + Recover(pipeline, i, "error") + ";");
                        writer.Line(CollectFailure("failure"));
                    }
                }

                if (i == 0)
                {
                    WriteStopIfFailed(writer, pipeline, i);
                    continue;
                }

                using (writer.Block("else if (from < " + i + ")"))
                {
                    using (writer.Block("try"))
                    {
                        WriteStart(writer, pipeline, i, (NotificationPipelineEmitter.StartsPlain(pipeline, i) ? Code.PlainValueTask : Code.ValueTask(Code.Unit)) + " task");
                        writer.Line("await task.ConfigureAwait(false);");
                        writer.Line(Completed(pipeline, i));
                    }

                    using (writer.Block("catch (global::System.Exception exception)"))
                    {
                        writer.Line(Failure + " failure = " + Recover(pipeline, i, "exception") + ";");
                        writer.Line(CollectFailure("failure"));
                    }
                }

                WriteStopIfFailed(writer, pipeline, i);
            }

            writer.Line(ThrowIfFailed(pipeline));
            if (ReturnsUnit(pipeline))
            {
                writer.Line("return default;");
            }
        }
    }

    /// <summary>Stop-on-first-failure: after handler <paramref name="i"/> (not the last), a failure so far ends the publish.</summary>
    private static void WriteStopIfFailed(SourceWriter writer, NotificationPlan pipeline, int i)
    {
        if (pipeline.Kind == PublishStrategyKind.StopOnFirstFailure && i < pipeline.Handlers.Count - 1)
        {
            writer.Line("// Stop on the first failure: the handlers after this one do not run.");
            writer.Line("if (!(failures is null)) " + ThrowIfFailed(pipeline));
        }
    }

    private static void WriteConcurrent(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("/// <summary>Delivers to every handler; failures are collected and thrown together once all have run.</summary>");
        using (writer.Block("private async " + ReturnType(pipeline) + " FanOutAsync<TMode>(" + Signature(pipeline) + ") where TMode : struct"))
        {
            writer.Line(FailureList + "? failures = null;");
            writer.Line("// Concurrent: every delivery is started before any is awaited.");
            for (var i = 0; i < pipeline.Handlers.Count; i++)
            {
                writer.Line(Code.ValueTask(Failure) + " delivery" + i + " = " + Code.NotificationDelivery + ".DeliverAsync(new Handler" + i + "Step0<TMode>(this), notification, context, _runtime, typeof(" + pipeline.Handlers[i].HandlerType + "));");
            }

            for (var i = 0; i < pipeline.Handlers.Count; i++)
            {
                writer.Line(Failure + " failure" + i + " = await delivery" + i + ".ConfigureAwait(false);");
                writer.Line(CollectFailure("failure" + i));
            }

            writer.Line(ThrowIfFailed(pipeline));
            if (ReturnsUnit(pipeline))
            {
                writer.Line("return default;");
            }
        }
    }
}
