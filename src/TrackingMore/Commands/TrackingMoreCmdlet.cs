using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of every cmdlet that calls the API. Owns the CancellationTokenSource that Ctrl+C (StopProcessing)
    /// cancels, finds the runspace's connection, and runs client calls while writing their Verbose messages on
    /// the pipeline thread, where PowerShell requires them.
    /// </summary>
    public abstract class TrackingMoreCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        // Verbose messages the client raises on pool threads, and each finished call's task as its end mark.
        private readonly BlockingCollection<object> _inbox = new BlockingCollection<object>();
        private CallContext? _call;
        private ConnectionState? _state;
        private IBatchQueue? _batches;
        private Delegate? _queuedWith;
        private BulkProgress? _progress;

        /// <summary>
        /// The connection to use, from Connect-TrackingMore -PassThru; by default the runspace's current connection,
        /// else one from $env:TRACKINGMORE_API_KEY. Lets one script work with two accounts without reconnecting.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [ConnectionTransformation]
        public TrackingMoreConnection? Connection { get; set; }

        /// <summary>The state (client, caches) of the connection in use; ends the command when there is none.</summary>
        private protected ConnectionState State => _state ??= ResolveConnection();

        protected ITrackingMoreClient Client => State.Client;

        /// <summary>What every call of this command lends the client: Ctrl+C's cancellation and the Verbose sink.</summary>
        private CallContext Call => _call ??= new CallContext(_stopping.Token, message =>
        {
            try { _inbox.Add(message); }
            catch (ObjectDisposedException) { } // the command ended while this message was on its way
        });

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Sends what is still queued (<see cref="Enqueue{T}(T, Action{IReadOnlyList{T}, bool})"/>) when the pipeline
        /// ends, then runs <see cref="EndOfInput"/>. Sealed, so that no command can end without sending its queue.
        /// </summary>
        protected sealed override void EndProcessing()
        {
            _batches?.Flush();
            _progress?.Complete();
            EndOfInput();
        }

        /// <summary>A command's own work once its input has ended and every queued item was sent (a one-call command's call).</summary>
        protected virtual void EndOfInput()
        {
        }

        /// <summary>Progress of the items sent so far, for <see cref="Enqueue{T}(T, Action{IReadOnlyList{T}, bool})"/> and per-item commands.</summary>
        private protected BulkProgress Progress => _progress ??= new BulkProgress(this, MyInvocation.MyCommand.Name);

        public void Dispose()
        {
            _stopping.Dispose();
            _inbox.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Runs one client call to its end. Verbose messages raised on pool threads are written here, on the pipeline
        /// thread; a stop ends the wait at once and surfaces as PipelineStoppedException.
        /// </summary>
        protected T Run<T>(Func<CallContext, Task<T>> call) => Wait(call(Call));

        protected void Run(Func<CallContext, Task> call) => Run(async context =>
        {
            await call(context).ConfigureAwait(false);
            return true;
        });

        /// <summary>
        /// The items of a client stream, each awaited like <see cref="Run{T}"/>, so the cmdlet writes each as it
        /// arrives. Leaving the loop early disposes the stream: nothing more is asked for.
        /// </summary>
        protected IEnumerable<T> Stream<T>(Func<CallContext, IAsyncEnumerable<T>> source)
        {
            var items = source(Call).GetAsyncEnumerator(_stopping.Token);
            try
            {
                while (Wait(items.MoveNextAsync().AsTask())) yield return items.Current;
            }
            finally
            {
                Wait(DisposedAsync(items));
            }
        }

        /// <summary>
        /// Queues an item for a request that carries up to 40 (the API's bulk cap): <paramref name="send"/> gets them as
        /// soon as 40 wait, so output streams, and the rest when the pipeline ends. Its flag is true for a batch of
        /// one that is all the pipeline brought, which endpoints with a single form send there.
        /// </summary>
        protected void Enqueue<T>(T item, Action<IReadOnlyList<T>, bool> send) => Enqueue(item, send, send);

        /// <summary>Queues an item for a request that carries up to 40, for endpoints with only a bulk form.</summary>
        protected void Enqueue<T>(T item, Action<IReadOnlyList<T>> send) => Enqueue(item, send, (batch, _) => send(batch));

        /// <summary>
        /// A command has one queue, made with the first send method it is given (<paramref name="given"/>, as the command
        /// wrote it): items queued with another would go out through the first, so that is refused instead.
        /// </summary>
        private void Enqueue<T>(T item, Delegate given, Action<IReadOnlyList<T>, bool> send)
        {
            if (_batches == null)
            {
                _queuedWith = given;
                _batches = new BatchQueue<T>(Client.Capabilities.BatchSize, (batch, alone) =>
                {
                    send(batch, alone);
                    Progress.Done(batch.Count);
                });
            }
            else if (!given.Equals(_queuedWith) || !(_batches is BatchQueue<T>))
            {
                throw new InvalidOperationException(GetType().Name + " queued items with two send methods (" + _queuedWith!.Method.Name + ", " +
                                                    given.Method.Name + "); a command has one queue and one way to send it.");
            }
            ((BatchQueue<T>)_batches).Add(item);
        }

        /// <summary>Queues the items of an array parameter, whose length the progress counts as known.</summary>
        protected void EnqueueAll<T>(IReadOnlyList<T> items, Action<IReadOnlyList<T>> send)
        {
            Progress.Expected += items.Count;
            foreach (var item in items) Enqueue(item, send);
        }

        /// <summary>
        /// Runs a bulk call and reports every item it carried exactly once: done ones through <paramref name="writeDone"/>
        /// (by default their tracking), failed ones as errors against the item, unknown ones as TrackingMore.OutcomeUnknown.
        /// </summary>
        protected void WriteOutcomes<TRequest>(IReadOnlyList<TRequest> batch, Func<CallContext, Task<IReadOnlyList<TrackingOutcome<TRequest>>>> call,
            Action<TrackingOutcome<TRequest>>? writeDone = null) where TRequest : TrackingIdentity
        {
            IReadOnlyList<TrackingOutcome<TRequest>> outcomes;
            try
            {
                outcomes = Run(call);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, batch);
                return;
            }
            foreach (var outcome in outcomes)
            {
                if (outcome.Kind == OutcomeKind.Unknown) WriteError(ErrorRecords.OutcomeUnknown(outcome.Request, outcome.Failure!));
                else if (outcome.Failure != null) WriteError(ApiError(outcome.Failure, outcome.Request));
                else if (writeDone != null) writeDone(outcome);
                else if (outcome.Tracking != null) WriteObject(outcome.Tracking);
            }
        }

        /// <summary>
        /// For calls that answer one outcome per item, in order (route questions): writes each result, or an error
        /// against its item (refused, or left out of the answer); a failed request is an error against each item.
        /// </summary>
        protected void WriteResults<TItem, TResult>(IReadOnlyList<TItem> batch, Func<CallContext, Task<IReadOnlyList<ItemOutcome<TItem, TResult>>>> call)
            where TItem : class where TResult : class
        {
            IReadOnlyList<ItemOutcome<TItem, TResult>> outcomes;
            try
            {
                outcomes = Run(call);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, batch);
                return;
            }
            foreach (var outcome in outcomes)
            {
                if (outcome.Failure != null) WriteError(ApiError(outcome.Failure, outcome.Request));
                else WriteObject(outcome.Result);
            }
        }

        /// <summary>
        /// Reports a failed call against its item. A bad key, or an operation the connection's version lacks, ends the
        /// command: every later call would fail the same way.
        /// </summary>
        protected void WriteApiError(TrackingMoreApiException failure, object? target)
        {
            var record = ApiError(failure, target);
            if (failure.IsAuthenticationFailure || failure.IsOperationMissing) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>
        /// The error record of a failure against its item. The message names the tracking (number and carrier) when the
        /// API's own text does not ("Tracking does not exist."); an unknown carrier code also gets the nearest
        /// known codes, when Get-TrackingCarrier has filled the connection's carrier list (never fetched here).
        /// </summary>
        private ErrorRecord ApiError(TrackingMoreApiException failure, object? target)
        {
            var record = ErrorRecords.FromApi(failure, target);
            var message = failure.Message;
            var advice = record.ErrorDetails?.RecommendedAction;
            if (target is TrackingIdentity tracking)
            {
                if (message.IndexOf(tracking.TrackingNumber, StringComparison.OrdinalIgnoreCase) < 0) message = tracking + ": " + message;
                var nearest = failure.Reason == FailureReason.UnknownCarrier && _state?.CarrierCache is { } carriers
                    ? CarrierSuggestions.Nearest(tracking.CarrierCode, carriers) : Array.Empty<string>();
                if (nearest.Count > 0)
                {
                    advice = "'" + tracking.CarrierCode + "' is not a carrier code the service knows: did you mean " +
                             string.Join(" or ", nearest) + "? (Get-TrackingCarrier lists them all.)";
                }
            }
            if (message != failure.Message || advice != record.ErrorDetails?.RecommendedAction)
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice };
            return record;
        }

        /// <summary>
        /// A failed request that carried several items is reported against each of them; a bad key still ends the
        /// command with one error.
        /// </summary>
        protected void WriteApiErrors(TrackingMoreApiException failure, IReadOnlyList<object> targets)
        {
            if (failure.IsAuthenticationFailure || failure.IsOperationMissing) ThrowTerminatingError(ErrorRecords.FromApi(failure, targets.Count > 0 ? targets[0] : null));
            foreach (var target in targets) WriteError(ApiError(failure, target));
        }

        /// <summary>Runs one call for one item and writes its answer (a list, item by item); a failure is reported against the item.</summary>
        protected void WriteAnswer<T>(object target, Func<CallContext, Task<T>> call)
        {
            try
            {
                WriteObject(Run(call), enumerateCollection: true);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiError(failure, target);
            }
        }

        /// <summary>For commands that make one call and have nothing else to do: its failure ends the command.</summary>
        protected T RunOrThrow<T>(Func<CallContext, Task<T>> call)
        {
            try
            {
                return Run(call);
            }
            catch (TrackingMoreApiException failure)
            {
                ThrowTerminatingError(ErrorRecords.FromApi(failure, null));
                return default!; // ThrowTerminatingError does not return; the compiler cannot know
            }
        }

        private T Wait<T>(Task<T> task)
        {
            task.ContinueWith(_ => _inbox.Add(task), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (true)
            {
                var next = _inbox.Take();
                if (ReferenceEquals(next, task)) break;
                if (next is string message) WriteVerbose(message);
            }
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private static async Task<bool> DisposedAsync<T>(IAsyncEnumerator<T> items)
        {
            await items.DisposeAsync().ConfigureAwait(false);
            return true;
        }

        /// <summary>An empty CSV cell or a blank parameter means "not given": it is not sent.</summary>
        protected static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private ConnectionState ResolveConnection()
        {
            if (Connection != null)
            {
                var given = RunspaceState.Of(Connection);
                if (given == null) ThrowTerminatingError(ErrorRecords.UnknownConnection(Connection));
                if (given!.Closed) ThrowTerminatingError(ErrorRecords.ClosedConnection(Connection));
                return given!;
            }
            var current = RunspaceState.Current;
            if (current == null)
            {
                // After Disconnect-TrackingMore the session stays disconnected until it connects again.
                if (RunspaceState.Disconnected) ThrowTerminatingError(ErrorRecords.NotConnected(afterDisconnect: true));
                // A runspace that never connected (ForEach-Object -Parallel, a scheduled job) connects from the environment.
                try
                {
                    current = ConnectionFactory.FromEnvironment();
                }
                catch (ArgumentException invalid)
                {
                    var variable = ConnectionFactory.BaseUriVariable;
                    ThrowTerminatingError(ErrorRecords.InvalidArgument("$env:" + variable + " cannot be used: " + invalid.Message +
                        " Fix or remove $env:" + variable + ", or run Connect-TrackingMore.", "TrackingMore.InvalidBaseUri", Environment.GetEnvironmentVariable(variable)));
                }
                if (current == null) ThrowTerminatingError(ErrorRecords.NotConnected());
                RunspaceState.Current = current;
            }
            var state = RunspaceState.Of(current!)!;
            // Closed by Disconnect-TrackingMore -Connection, perhaps in another runspace that was given it.
            if (state.Closed) ThrowTerminatingError(ErrorRecords.ClosedConnection(current!));
            return state;
        }
    }
}
