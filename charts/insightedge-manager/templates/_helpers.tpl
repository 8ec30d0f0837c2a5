{{/*
Helpers of the insightedge-manager chart. They mirror kubegrid's typed model
(Sources/KubeGridCore/Charts/Manager) so that Helm renders the same objects.
Every define takes a context with .Values and .Release, so the umbrella chart can
call them with its `manager` values to check node ports across both charts.
Names are prefixed with the chart name: defines are shared by a chart and its parent.
*/}}

{{/* The chart name, fixed: inside the umbrella the chart is aliased `manager`. */}}
{{- define "insightedge-manager.chartName" -}}insightedge-manager{{- end -}}

{{/* `nameOverride` or the chart name: `trunc 63 | trimSuffix "-"`. */}}
{{- define "insightedge-manager.name" -}}
{{- $name := default (include "insightedge-manager.chartName" .) .Values.nameOverride -}}
{{- $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
`fullnameOverride`; else the release when it already holds the name; else
`<release>-<name>`; then `trunc 63 | trimSuffix "-"`.
*/}}
{{- define "insightedge-manager.fullname" -}}
{{- $name := default (include "insightedge-manager.chartName" .) .Values.nameOverride -}}
{{- $full := "" -}}
{{- if .Values.fullnameOverride -}}
{{- $full = .Values.fullnameOverride -}}
{{- else if contains $name .Release.Name -}}
{{- $full = .Release.Name -}}
{{- else -}}
{{- $full = printf "%s-%s" .Release.Name $name -}}
{{- end -}}
{{- $full | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object and pod template. */}}
{{- define "insightedge-manager.labels" -}}
{{- $name := include "insightedge-manager.name" . -}}
app.kubernetes.io/name: {{ $name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: manager
app: {{ $name | quote }}
release: {{ .Release.Name | quote }}
component: manager
selectorId: {{ include "insightedge-manager.fullname" . | quote }}
{{- end -}}

{{/* Management Pods: three with `ha` (a ZooKeeper quorum), else one. */}}
{{- define "insightedge-manager.replicas" -}}
{{- if .Values.ha -}}3{{- else -}}1{{- end -}}
{{- end -}}

{{/*
A resource quantity as a string, as kubegrid writes it: text stays as written,
whole numbers lose their fraction (Helm reads values.yaml numbers as float64).
*/}}
{{- define "insightedge-manager.quantity" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else if and (kindIs "float64" .) (eq (floor .) .) -}}
{{- int64 . | toString | quote -}}
{{- else -}}
{{- toString . | quote -}}
{{- end -}}
{{- end -}}

{{/* The container's `resources`, or nothing when neither limits nor requests are set. */}}
{{- define "insightedge-manager.resources" -}}
{{- $limits := .limits | default dict -}}
{{- $requests := .requests | default dict -}}
{{- /* A memory request left out is the memory limit, written out as kubegrid writes it. */ -}}
{{- if and (hasKey $limits "memory") (not (hasKey $requests "memory")) -}}
{{- $requests = merge (dict "memory" $limits.memory) $requests -}}
{{- end -}}
{{- if or $limits $requests -}}
resources:
  {{- if $limits }}
  limits:
    {{- range $key, $value := $limits }}
    {{ $key | quote }}: {{ include "insightedge-manager.quantity" $value }}
    {{- end }}
  {{- end }}
  {{- if $requests }}
  requests:
    {{- range $key, $value := $requests }}
    {{ $key | quote }}: {{ include "insightedge-manager.quantity" $value }}
    {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* An httpGet probe on the api port, or nothing when it is disabled. */}}
{{- define "insightedge-manager.probe" -}}
{{- $probe := index . 1 -}}
{{- if $probe.enabled -}}
{{ index . 0 }}:
  httpGet:
    path: /v2/info
    port: api
  initialDelaySeconds: {{ $probe.initialDelaySeconds | int64 }}
  periodSeconds: {{ $probe.periodSeconds | int64 }}
  failureThreshold: {{ $probe.failureThreshold | int64 }}
{{- end -}}
{{- end -}}

{{/*
The node ports the client Service asks for, as a JSON list of
{"key", "nodePort", "service"}: the enabled ports with a nodePort, when the type
opens node ports (NodePort, LoadBalancer).
*/}}
{{- define "insightedge-manager.nodePortClaims" -}}
{{- $claims := list -}}
{{- $service := printf "%s-service" (include "insightedge-manager.fullname" .) -}}
{{- if ne .Values.service.type "ClusterIP" -}}
{{- range $portName := list "api" "lus" "lrmi" -}}
{{- $port := index $.Values.service $portName -}}
{{- if and (or (eq $portName "api") $port.enabled) $port.nodePort -}}
{{- $claims = append $claims (dict "key" (printf "service.%s.nodePort" $portName) "nodePort" ($port.nodePort | int64) "service" $service) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $claims -}}
{{- end -}}

{{/*
What kubegrid rejects and JSON Schema cannot say: the release name, the lengths of
object names, and a node port asked for twice. Renders nothing.
*/}}
{{- define "insightedge-manager.checks" -}}
{{- $release := .Release.Name -}}
{{- if gt (len $release) 53 -}}
{{- fail (printf "release name %q is %d characters; Helm allows at most 53" $release (len $release)) -}}
{{- end -}}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" $release) -}}
{{- fail (printf "release name %q is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit" $release) -}}
{{- end -}}
{{- $fullname := include "insightedge-manager.fullname" . -}}
{{- if gt (len $fullname) 52 -}}
{{- fail (printf "StatefulSet name %q is %d characters; at most 52 fit Kubernetes' controller-revision-hash label; shorten the release name or set fullnameOverride" $fullname (len $fullname)) -}}
{{- end -}}
{{- $service := printf "%s-service" $fullname -}}
{{- if gt (len $service) 63 -}}
{{- fail (printf "Service name %q is %d characters; Kubernetes allows at most 63; shorten the release name or set fullnameOverride" $service (len $service)) -}}
{{- end -}}
{{- $seen := dict -}}
{{- range $claim := include "insightedge-manager.nodePortClaims" . | fromJsonArray -}}
{{- $key := toString ($claim.nodePort | int64) -}}
{{- if hasKey $seen $key -}}
{{- fail (printf "%s: node port %s is also asked for by %s on Service %s; give each port its own node port" $claim.key $key (get $seen $key) $claim.service) -}}
{{- end -}}
{{- $_ := set $seen $key $claim.key -}}
{{- end -}}
{{- end -}}

{{/*
The PodDisruptionBudget apiVersion the target Kubernetes serves (helm template
--kube-version): policy/v1 from 1.21, policy/v1beta1 before, as kubegrid's
ServedAPIVersions picks it. Takes the root context.
*/}}
{{- define "insightedge-manager.podDisruptionBudgetAPIVersion" -}}
{{- $kube := .Capabilities.KubeVersion -}}
{{- if or (gt (atoi $kube.Major) 1) (ge (atoi $kube.Minor) 21) -}}policy/v1{{- else -}}policy/v1beta1{{- end -}}
{{- end -}}

{{/*
Puts the chart's defaults (templates/_defaults.tpl, generated from kubegrid's model)
back where a key is missing or null. Helm drops a key a user sets to null; kubegrid
reads an unset key as its default, and so do the templates after this. The maps of
free keys are filled only when missing as a whole: a null entry in one removes it.
Takes the root context and changes its .Values in place (twice changes nothing).
*/}}
{{- define "insightedge-manager.applyDefaults" -}}
{{- $free := include "insightedge-manager.freeMaps" . | fromJsonArray -}}
{{- include "insightedge-manager.fillDefaults" (list .Values (include "insightedge-manager.defaults" . | fromJson) "" $free) -}}
{{- end -}}

{{/* (list VALUES DEFAULTS PREFIX FREE-MAPS): sets each key of DEFAULTS that VALUES lacks, group by group. */}}
{{- define "insightedge-manager.fillDefaults" -}}
{{- $values := index . 0 -}}
{{- $prefix := index . 2 -}}
{{- $free := index . 3 -}}
{{- range $key, $default := index . 1 -}}
{{- $value := index $values $key -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := set $values $key $default -}}
{{- else if and (kindIs "map" $value) (kindIs "map" $default) (not (has (printf "%s%s" $prefix $key) $free)) -}}
{{- include "insightedge-manager.fillDefaults" (list $value $default (printf "%s%s." $prefix $key) $free) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The keys of GigaSpaces' own 14.5-16.x chart that kubegrid reads another way, put into
kubegrid's keys as kubegrid's LegacyKeys table says (Sources/KubeGridCore/Charts/Legacy):
service.ports.{api,lus}.* are service.{api,lus}.*, hs.ports.* are hs.* (lookupService
is hs.lus), enableExternalClient opens or closes the Lookup Service and LRMI (the
Lookup Service on the node port equal to its port, where the Service opens node ports),
15.2's nodeSelector {enabled, selector} is the selector's labels. An old key given wins.
Run after applyDefaults; takes the root context and changes its .Values in place.
*/}}
{{- define "insightedge-manager.applyLegacyKeys" -}}
{{- $values := .Values -}}
{{- $defaults := include "insightedge-manager.defaults" . | fromJson -}}
{{- $service := $values.service -}}
{{- if kindIs "map" $service.ports -}}
{{- range $port := list "api" "lus" -}}
{{- $old := index $service.ports $port -}}
{{- if kindIs "map" $old -}}
{{- range $key := list "port" "nodePort" -}}
{{- if and (not (kindIs "invalid" (index $old $key))) (or (ne $port "lus") (eq $key "port")) -}}
{{- include "insightedge-manager.setFromLegacy" (list (index $service $port) $key (index $old $key) (index (index $defaults.service $port) $key) (printf "service.ports.%s.%s" $port $key) (printf "service.%s.%s" $port $key)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if kindIs "map" $values.hs.ports -}}
{{- range $old, $new := dict "zkClient" "zkClient" "zkServer" "zkServer" "zkLeaderElection" "zkLeaderElection" "lookupService" "lus" -}}
{{- if not (kindIs "invalid" (index $values.hs.ports $old)) -}}
{{- include "insightedge-manager.setFromLegacy" (list $values.hs $new (index $values.hs.ports $old) (index $defaults.hs $new) (printf "hs.ports.%s" $old) (printf "hs.%s" $new)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if kindIs "bool" $values.enableExternalClient -}}
{{- $on := $values.enableExternalClient -}}
{{- include "insightedge-manager.setFromLegacy" (list $service.lus "enabled" $on $defaults.service.lus.enabled "enableExternalClient" "service.lus.enabled") -}}
{{- include "insightedge-manager.setFromLegacy" (list $service.lrmi "enabled" $on $defaults.service.lrmi.enabled "enableExternalClient" "service.lrmi.enabled") -}}
{{- $port := $service.lus.port | int64 -}}
{{- if and $on (ne $service.type "ClusterIP") (kindIs "invalid" $service.lus.nodePort) (ge $port 30000) (le $port 32767) -}}
{{- $_ := set $service.lus "nodePort" $port -}}
{{- end -}}
{{- end -}}
{{- include "insightedge-manager.applyLegacyNodeSelector" $values -}}
{{- end -}}

{{/*
(list MAP KEY VALUE DEFAULT OLD-KEY NEW-KEY): sets MAP.KEY to an old key's VALUE. The
current key holding neither its DEFAULT nor VALUE was set apart from the old one: that
is a conflict, as kubegrid's LegacyValues says.
*/}}
{{- define "insightedge-manager.setFromLegacy" -}}
{{- $map := index . 0 -}}
{{- $current := index $map (index . 1) -}}
{{- if and (not (kindIs "invalid" $current)) (ne (toJson $current) (toJson (index . 3))) (ne (toJson $current) (toJson (index . 2))) -}}
{{- fail (printf "%s: conflicts with %s (%s); set only %s" (index . 4) (index . 5) (toJson $current) (index . 5)) -}}
{{- end -}}
{{- $_ := set $map (index . 1) (index . 2) -}}
{{- end -}}

{{/* 15.2's nodeSelector {enabled, selector}; the selector a map or `label=value,...`. Takes .Values. */}}
{{- define "insightedge-manager.applyLegacyNodeSelector" -}}
{{- $form := .nodeSelector -}}
{{- if and (kindIs "map" $form) (kindIs "bool" $form.enabled) -}}
{{- $labels := dict -}}
{{- if eq $form.enabled true -}}
{{- if kindIs "map" $form.selector -}}
{{- $labels = $form.selector -}}
{{- else if kindIs "string" $form.selector -}}
{{- range $pair := splitList "," $form.selector -}}
{{- $parts := splitn "=" 2 $pair -}}
{{- $_ := set $labels (trim $parts._0) (trim (default "" $parts._1)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set . "nodeSelector" $labels -}}
{{- else if and (kindIs "map" $form) (hasKey $form "selector") -}}
{{- /* A selector without enabled=true selected nothing. */ -}}
{{- $_ := unset $form "selector" -}}
{{- end -}}
{{- end -}}
