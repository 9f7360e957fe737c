using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of the cmdlets that take records from the pipeline by property name (CSV rows, Get-Tracking output). The
    /// values each record must carry are marked <see cref="RequiredPerRecordAttribute"/> instead of Mandatory, and
    /// checked here: PowerShell would refuse a record that lacks a mandatory value with a binding error that names
    /// neither the row nor its aliases, and prompt for a value left out of a direct call, which hangs a script. (A
    /// parameter that also takes the piped object itself needs <see cref="ObjectsBindByColumnAttribute"/> too, or a
    /// row without its column binds as the row's text.)
    /// A record that lacks a value is reported against itself by its position, and the pipeline goes on.
    /// </summary>
    public abstract class RecordCmdlet : TrackingMoreCmdlet
    {
        /// <summary>What <see cref="InputObject"/> holds until a record binds, and what PowerShell puts back between records.</summary>
        private static readonly PSObject NotBound = new PSObject();

        private static readonly ConcurrentDictionary<Type, RequiredValue[]> RequiredByCommand = new ConcurrentDictionary<Type, RequiredValue[]>();

        private PSObject? _inputObject = NotBound;
        private long _position;
        private HashSet<string> _givenOnCommandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Each piped object itself, $null too, so that a record is counted and named (and is its error's target)
        /// even when none of its properties bind. Not for typing: hidden from completion and help.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public virtual PSObject? InputObject
        {
            get => _inputObject;
            set
            {
                // Between records PowerShell sets a pipeline parameter back to its value before binding: that is no record.
                if (!ReferenceEquals(value, NotBound)) _position++;
                _inputObject = value;
            }
        }

        /// <summary>The required values of this command's parameter set, read once per command type.</summary>
        private IEnumerable<RequiredValue> Required =>
            RequiredByCommand.GetOrAdd(GetType(), RequiredValue.Of).Where(value => value.AppliesTo(ParameterSetName));

        /// <summary>
        /// Notes the required values given on the command line (they hold for every record); a direct call without
        /// pipeline input that lacks one ends here, before anything is sent, instead of prompting. Sealed, so that no
        /// command skips it: a command's own start goes in <see cref="BeforeInput"/>.
        /// </summary>
        protected sealed override void BeginProcessing()
        {
            // A blank value given on the command line was made null by [RequiredPerRecord], so its check let it through:
            // refused here as that check would, since no record can fill it in.
            var empty = Required.FirstOrDefault(value => MyInvocation.BoundParameters.ContainsKey(value.Name) && IsEmpty(value.Property.GetValue(this)));
            if (empty != null) ThrowTerminatingError(ErrorRecords.EmptyParameter(empty.Name, empty.EmptyRefusal));
            var given = Required.Where(value => !IsEmpty(value.Property.GetValue(this))).ToArray();
            _givenOnCommandLine = new HashSet<string>(given.Select(value => value.Name), StringComparer.OrdinalIgnoreCase);
            if (!MyInvocation.ExpectingInput)
            {
                var missing = Required.Except(given).ToArray();
                if (missing.Length > 0) ThrowTerminatingError(ErrorRecords.MissingParameter(missing.Select(value => value.Name).ToArray()));
            }
            BeforeInput();
        }

        /// <summary>A command's own checks before the first record (once the required values were checked).</summary>
        protected virtual void BeforeInput()
        {
        }

        /// <summary>Runs <see cref="ProcessCompleteRecord"/> for a record with every required value; reports one without.</summary>
        protected sealed override void ProcessRecord()
        {
            var record = ReferenceEquals(_inputObject, NotBound) ? null : _inputObject;
            var missing = Required.Where(value => !_givenOnCommandLine.Contains(value.Name) && IsEmpty(value.Property.GetValue(this))).ToArray();
            if (missing.Length > 0)
            {
                // A property that is there but blank or $null (Import-Csv's empty last cell, a short line's cells) is an
                // empty cell; one that is not there at all, a missing column.
                var empty = missing.Where(value => value.IsEmptyIn(record)).ToArray();
                WriteError(ErrorRecords.MissingColumn(_position, record, missing.Except(empty).Select(value => value.Described).ToArray(),
                    empty.Select(value => value.Described).ToArray(), missing[0].Name));
                return;
            }
            ProcessCompleteRecord();
        }

        /// <summary>The command's work for one record (or the one direct call), every required value present.</summary>
        protected abstract void ProcessCompleteRecord();

        private static bool IsEmpty(object? value) => value switch
        {
            null => true,
            string text => text.Length == 0,
            ICollection many => many.Count == 0,
            _ => false,
        };

        /// <summary>A parameter marked <see cref="RequiredPerRecordAttribute"/>: its names, as a CSV column may carry them, and its sets.</summary>
        private sealed class RequiredValue
        {
            private RequiredValue(PropertyInfo property)
            {
                Property = property;
                Name = property.Name;
                Aliases = property.GetCustomAttributes<AliasAttribute>(true).SelectMany(alias => alias.AliasNames).ToArray();
                Sets = property.GetCustomAttributes<ParameterAttribute>(true).Select(parameter => parameter.ParameterSetName).ToArray();
            }

            public PropertyInfo Property { get; }

            public string Name { get; }

            public IReadOnlyList<string> Aliases { get; }

            public IReadOnlyList<string> Sets { get; }

            /// <summary>How an error names it: 'TrackingNumber' (or 'tracking_number', 'Number').</summary>
            public string Described => "'" + Name + "'" + (Aliases.Count > 0 ? " (or '" + string.Join("', '", Aliases) + "')" : string.Empty);

            /// <summary>What the parameter's own check says of an empty value.</summary>
            public string EmptyRefusal => Property.GetCustomAttributes<ValidateEachArgumentAttribute>(true)
                .Select(check => check.ProblemWith(string.Empty)).FirstOrDefault(problem => problem != null) ?? "The value must not be empty or white space.";

            /// <summary>Whether the record has this value's property (by name or alias) with $null or a blank text in it.</summary>
            public bool IsEmptyIn(PSObject? record) =>
                record != null && new[] { Name }.Concat(Aliases).Any(name =>
                    record.Properties[name] is PSPropertyInfo property && (property.Value is null || EmptyAsNullAttribute.IsBlankText(property.Value)));

            public bool AppliesTo(string parameterSet) => Sets.Any(set => set == ParameterAttribute.AllParameterSets || set == parameterSet);

            public static RequiredValue[] Of(Type command) => command.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.IsDefined(typeof(RequiredPerRecordAttribute), true))
                .OrderBy(property => property.GetCustomAttributes<ParameterAttribute>(true).Select(parameter => parameter.Position).DefaultIfEmpty(int.MaxValue).Min())
                .Select(property => new RequiredValue(property))
                .ToArray();
        }
    }
}
