"""Well-known names and terms of ML research, from general knowledge, by entity type.

These lists seed the PhraseMatcher of :mod:`extractors.entities`; everything else is
found by patterns and the parser. Entries are matched case-insensitively unless they
are in :data:`CASE_SENSITIVE`. Keep the constants frozen: copy before extending.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    r"""The whitespace-separated words of ``text``.

    Example:
        >>> sorted(wordset("pro  flash\n ultra"))
        ['flash', 'pro', 'ultra']
    """
    return frozenset(text.split())


_wordset = wordset


def _terms(block: str) -> frozenset[str]:
    """The ``|``- and newline-separated terms of ``block``."""
    return frozenset(t.strip() for line in block.splitlines() for t in line.split("|") if t.strip())


METHODS: frozenset[str] = _terms(
    """
    reinforcement learning|deep reinforcement learning|RL|deep RL|offline reinforcement learning|offline RL
    online reinforcement learning|online RL|model-based reinforcement learning|model-free reinforcement learning
    multi-agent reinforcement learning|MARL|hierarchical reinforcement learning|inverse reinforcement learning
    goal-conditioned reinforcement learning|goal-conditioned RL|safe reinforcement learning
    supervised learning|unsupervised learning|self-supervised learning|semi-supervised learning|weakly supervised learning
    contrastive learning|transfer learning|meta-learning|meta learning|multi-task learning
    in-context learning|ICL|imitation learning|behavior cloning|behavioral cloning|generative adversarial imitation learning|GAIL|curriculum learning
    active learning|federated learning|metric learning|deep learning|online learning
    supervised fine-tuning|supervised finetuning|SFT|fine-tuning|finetuning|full fine-tuning|instruction tuning
    instruction fine-tuning|prompt tuning|prefix tuning|adapter tuning|LoRA|QLoRA|low-rank adaptation
    parameter-efficient fine-tuning|parameter-efficient finetuning|PEFT|reinforcement fine-tuning|RFT
    pre-training|pretraining|continual pre-training|continued pre-training|post-training|knowledge distillation|distillation
    self-distillation|policy distillation|quantization|pruning|model merging|weight averaging|ensembling
    mixture of experts|mixture-of-experts|MoE|transformer|transformers|vision transformer|ViT|attention mechanism
    self-attention|cross-attention|multi-head attention|linear attention|sparse attention|flash attention|FlashAttention
    diffusion model|diffusion models|latent diffusion|denoising diffusion|DDPM|DDIM|score matching|flow matching
    rectified flow|consistency models|classifier-free guidance|variational autoencoder|VAE|autoencoder|GAN|GANs
    generative adversarial network|generative adversarial networks|normalizing flows|energy-based models
    CNN|CNNs|convolutional neural network|convolutional neural networks|RNN|RNNs|recurrent neural network|LSTM|GRU
    graph neural network|graph neural networks|GNN|GNNs|GCN|graph convolutional network|graph attention network|GAT|MLP
    LeNet|LeNet-5|AlexNet|VGGNet|GoogLeNet|multilayer perceptron|U-Net|UNet|ResNet|Mamba|state space model|state space models|SSM|SSMs|xLSTM|RWKV
    neural radiance fields|NeRF|Gaussian splatting|3D Gaussian splatting|3DGS|world model|world models
    reward model|reward models|reward modeling|process reward model|process reward models|PRM|PRMs
    outcome reward model|ORM|reward shaping|Q-learning|deep Q-network|DQN
    policy gradient|policy gradients|PPO|proximal policy optimization|TRPO|trust region policy optimization|SAC
    soft actor-critic|actor-critic|TD3|DDPG|A2C|A3C|GAE|generalized advantage estimation|REINFORCE|GRPO
    group relative policy optimization|DPO|direct preference optimization|IPO|KTO|ORPO|SimPO|RLHF
    reinforcement learning from human feedback|RLAIF|reinforcement learning from AI feedback|RLVR
    reinforcement learning with verifiable rewards|preference optimization|policy optimization|rejection sampling
    best-of-n sampling|best-of-N|chain-of-thought|chain of thought|chains-of-thought|chains of thought|CoT|chain-of-thought prompting|tree of thoughts
    tree-of-thought|tree-of-thoughts|ToT|graph of thoughts|self-consistency|Self-Refine|Reflexion|ReAct
    retrieval-augmented generation|retrieval augmented generation|RAG
    prompt engineering|few-shot prompting|zero-shot prompting
    next token prediction|next-token prediction|masked language modeling|language modeling objective
    Monte Carlo tree search|MCTS|beam search|greedy decoding|greedy search|speculative decoding|nucleus sampling
    top-k sampling|contrastive decoding|majority voting|self-play|population-based training|evolutionary algorithm
    evolutionary algorithms|genetic algorithm|genetic algorithms|evolution strategies|Bayesian optimization
    Gaussian process|Gaussian processes|variational inference|MCMC|Markov chain Monte Carlo|expectation maximization
    Markov decision process|POMDP|dynamic programming|linear programming|integer programming|Thompson sampling
    UCB|upper confidence bound|importance sampling|experience replay
    hindsight experience replay|hindsight relabeling|data augmentation|dropout|batch normalization|layer normalization
    Adam|AdamW|SGD|stochastic gradient descent|gradient descent|backpropagation|gradient checkpointing
    test-time scaling|test-time training|test-time compute|predictive coding|message passing|belief propagation
    optimal transport|kernel methods|support vector machine|SVM|random forest|random forests|gradient boosting
    XGBoost|logistic regression|linear regression|k-means|PCA|principal component analysis|t-SNE|UMAP|BM25|TF-IDF
    dense retrieval|word embeddings|word2vec|GloVe|positional encoding|rotary position embedding|RoPE|KV cache
    model predictive control|MPC|optimal control
    sim-to-real transfer|domain randomization|adversarial training|differential privacy|self-reflection
    self-critique|self-verification|self-evaluation|self-rewarding|self-training|self-instruct|self-supervision
    self-refinement|self-improvement|self-correction|self-distillation|self-reward|LLM-as-a-judge|LLM-as-judge|tool learning
    process supervision|outcome supervision|long chain-of-thought
    large margin nearest neighbor|large margin classifier|large margin classifiers|large neighborhood search
    partially observable Markov decision process|fast gradient sign method|fast marching method|fast multipole method
    naive Bayes|naive Bayes classifier|dynamic time warping|robust PCA|robust principal component analysis
    robust optimization|distributionally robust optimization|robust regression|sparse PCA
    sparse principal component analysis|adaptive moment estimation|extreme learning machine|extreme learning machines
    local binary patterns|local binary pattern|common spatial patterns|common spatial pattern|direct sparse odometry
    deep image prior|deep ensembles|deep metric learning|deep belief network|deep belief networks
    deep equilibrium models|deep Gaussian processes|deep Q-learning|relative positional encoding
    automatic differentiation|adaptive control|dynamic Bayesian network|dynamic Bayesian networks
    adaptive importance sampling|slow feature analysis|adaptive MCMC
    follow the leader|follow the regularized leader|follow the regularised leader|follow the perturbed leader
    FTL|FTRL|FTPL|online mirror descent|online gradient descent|multiplicative weights|Exp3
    semidefinite programming|semidefinite program|semidefinite programs|semidefinite relaxation|SDP relaxation
    quadratic programming|convex programming|mixed-integer programming|mixed-integer linear programming
    integer linear programming|second-order cone programming|MILP
    EM algorithm|distant supervision|co-training|label propagation|convex relaxation|convex relaxations
    sequence-to-sequence model|sequence-to-sequence models|seq2seq|Gaussian mixture model|Gaussian mixture models
    Gibbs sampling|residual connection|residual connections|encoder-decoder architecture|hinge loss|greedy algorithm
    empirical risk minimization|k-nearest neighbors
    """
)

MODEL_FAMILIES: frozenset[str] = _terms(
    """
    GPT|ChatGPT|GPT-2|GPT-3|GPT-3.5|GPT-4|GPT-4o|GPT-4V|GPT-4o-mini|GPT-4-Turbo|GPT-5|InstructGPT|Codex
    Llama|LLaMA|Llama-2|Llama-3|Llama2|Llama3|Code Llama|CodeLlama|Alpaca|Vicuna|Qwen|Qwen2|Qwen2.5|Qwen3|QwQ
    Qwen-VL|Qwen2-VL|Qwen2.5-VL|Mistral|Mixtral|Gemma|Gemini|Claude|DeepSeek|DeepSeek-R1|DeepSeek-V3|DeepSeek-Coder
    DeepSeekMath|Phi-2|Phi-3|Phi-4|Falcon|T5|Flan-T5|FLAN-T5|mT5|BERT|RoBERTa|DeBERTa|ELECTRA|XLNet|BART
    ALBERT|DistilBERT|CLIP|BLIP|BLIP-2|LLaVA|InstructBLIP|MiniGPT-4|PaLM|PaLM-2|PaLM-E|Flamingo|Chinchilla|Gopher
    OPT|BLOOM|Pythia|OLMo|OLMo2|Yi|InternLM|InternVL|Baichuan|ChatGLM|GLM|Stable Diffusion|SDXL|DALL-E|DALL-E 2
    DALL-E 3|Midjourney|Imagen|Sora|Whisper|wav2vec|Wav2Vec2|HuBERT|SAM|Segment Anything|DINO|DINOv2
    o1|o1-mini|o1-preview|o3|o3-mini|o4-mini|Grok|StarCoder|WizardLM|WizardMath|AlphaGo|AlphaZero|AlphaFold
    AlphaCode|MuZero|Kimi|MiniCPM|Nemotron|Granite|SmolLM|Tulu|Zephyr|Orca|OpenVLA|RT-1|RT-2|Octo|Cosmos
    Llama 2|Llama 3|Llama 3.1|Llama 3.2|Llama 3.3|Llama 4|Claude 2|Claude 3|Claude 3.5|Claude 3.7|Gemini 1.5|Gemini 2.0
    Gemini 2.5|Mistral-7B|Gemma-2|Gemma 2|Gemma 3|DeepSeek-R1-Distill|VideoPoet|Phenaki
    mBERT|XLM-R|XLM-RoBERTa|mBART|ByT5|UL2|PEGASUS|SpanBERT|SciBERT|BioBERT|ClinicalBERT|CodeBERT|GraphCodeBERT
    Sentence-BERT|SBERT|ERNIE|LaMDA|GPT-J|GPT-Neo|GPT-NeoX|WavLM|wav2vec 2.0|data2vec|BEiT
    """
)

#: Lower-cased first letters of tokens that start a model name (``Llama-3.1-8B``, ``Qwen2.5-7B``).
MODEL_PREFIXES: tuple[str, ...] = (
    "gpt",
    "chatgpt",
    "llama",
    "codellama",
    "qwen",
    "qwq",
    "mistral",
    "mixtral",
    "gemma",
    "gemini",
    "claude",
    "deepseek",
    "phi-",
    "falcon",
    "vicuna",
    "flan-t5",
    "t5-",
    "bert-",
    "roberta",
    "deberta",
    "llava",
    "palm",
    "opt-",
    "bloom",
    "pythia",
    "olmo",
    "internlm",
    "internvl",
    "baichuan",
    "chatglm",
    "glm-",
    "starcoder",
    "wizard",
    "minicpm",
    "nemotron",
    "smollm",
    "tulu",
    "zephyr",
    "stable-diffusion",
    "sdxl",
    "dall-e",
    "clip-",
    "blip",
    "whisper",
    "yi-",
    "kimi",
    "grok",
    "o1-",
    "o3-",
    "o4-",
    "codex",
    "instructgpt",
    "alpaca-",
    "vit-",
    "resnet-",
    "sam-",
    "dinov",
    "openvla",
    "rt-",
    "pi0",
    "text-davinci",
    "code-davinci",
    "davinci",
)

#: Capitalised words that continue a model name ("Claude 3.5 Sonnet", "Gemini 1.5 Pro").
MODEL_SUFFIX_WORDS: frozenset[str] = _wordset(
    """
    pro flash ultra nano sonnet opus haiku turbo mini instruct chat base large small medium xl xxl
    preview coder math vision vl omni max plus lite distill it
    """
)

BENCHMARKS: frozenset[str] = _terms(
    """
    GSM8K|GSM-8K|MATH|MATH500|MATH-500|AIME|AIME24|AIME25|AIME 2024|AIME 2025|AIME2024|AIME2025|AMC|AMC23
    OlympiadBench|Minerva Math|SVAMP|ASDiv|MAWPS|AQuA|TheoremQA|HumanEval|HumanEval+|MBPP|MBPP+|APPS
    CodeContests|LiveCodeBench|SWE-bench|SWE-bench Verified|DS-1000|Spider|BIRD|MMLU|MMLU-Pro|GPQA|GPQA-Diamond
    BBH|BIG-Bench|BIG-Bench Hard|ARC|ARC-Challenge|ARC-AGI|HellaSwag|WinoGrande|PIQA|BoolQ|TruthfulQA
    TriviaQA|Natural Questions|HotpotQA|SQuAD|SQuAD 2.0|StrategyQA|CommonsenseQA|DROP|MuSiQue|2WikiMultihopQA
    AlpacaEval|AlpacaEval 2|AlpacaEval 2.0|MT-Bench|Arena-Hard|Chatbot Arena|IFEval|WildBench|HELM
    WebShop|ALFWorld|MiniWoB|MiniWoB++|WebArena|VisualWebArena|Mind2Web|OSWorld|AndroidWorld|ScienceWorld
    BabyAI|MiniGrid|Atari|Atari 2600|MuJoCo|D4RL|DeepMind Control Suite|DMControl|Procgen|NetHack|Crafter
    Arcade Learning Environment|OpenAI Gym|VizDoom|ViZDoom|DeepMind Lab|DMLab|MiniHack|MineRL|Minecraft|StarCraft
    StarCraft II|SMAC|Hanabi|Pommerman|Overcooked|Google Research Football|TORCS|Sokoban|Super Mario Bros
    Montezuma's Revenge|Space Invaders|SpaceInvaders|Ms. Pac-Man|Pac-Man
    Meta-World|LIBERO|CALVIN|Habitat|AI2-THOR|R2R|VBench|GLUE|SuperGLUE|COCO|MS COCO|CIFAR-10|CIFAR10
    CIFAR-100|CIFAR100|MNIST|Fashion-MNIST|SVHN|ADE20K|Cityscapes|PASCAL VOC|KITTI|NYUDv2|NYU Depth V2|NYUv2|NYUD-v2|NYU-Depth V2|ScanNet
    NTU RGB+D|NTU RGB+D 60|NTU RGB+D 120|NTU-RGBD|NTU RGB-D|NTU-RGB+D|SUN RGB-D|SUN RGBD|SUNRGB-D|SUN-RGBD
    LibriSpeech|WMT|XSum|CNN/DailyMail|CNN/Daily Mail|CNN/DM|CNNDM|MS MARCO|BEIR|MTEB|LongBench|RULER|MathVista|MMMU|MME|MMBench|SEED-Bench
    VoxCeleb|VoxCeleb1|VoxCeleb2|TIMIT|AISHELL-1
    POPE|TextVQA|VQAv2|GQA|OK-VQA|DocVQA|ChartQA|ScienceQA|ToolBench|AgentBench|GAIA|Humanity's Last Exam
    FOLIO|ProofWriter|LogiQA|BigCodeBench|CRUXEval|Countdown|Sudoku|ImageNet-C|ImageNet-R|ImageNet-A
    Open LLM Leaderboard|TauBench|tau-bench|BrowseComp|SimpleQA|FEVER|MedQA|PubMedQA|MedMCQA|USMLE|LegalBench
    PASCAL VOC2007|PASCAL VOC2012|PASCAL VOC07|PASCAL VOC12|PASCAL VOC2010|PASCAL VOC2011|PASCAL VOC2008|PASCAL VOC2009
    CIFAR|VOC 2007|VOC 2012|VOC2007|VOC2012|DomainNet|Office-31|Office-Home|OfficeHome|VisDA|VisDA-2017|MPII
    CLEVR|CoQA|Gigaword|GovReport|OGB|Meta-Dataset|ROCStories|GTSRB|SYNTHIA|GTA5|VisDrone|UA-DETRAC|Total-Text
    ICDAR|ICDAR 2015|ICDAR2015|RoboCup|MicroRTS|XNLI|PAWS-X|MLQA|TyDi QA|TyDiQA|XQuAD|XTREME|XGLUE|ANLI|WikiANN
    MOT15|MOT16
    COCO-Stuff|COCO-Stuff-164K|COCO-Stuff-10K|PASCAL-Context|PASCAL Context|Pascal-Context|CamVid|Mapillary Vistas
    RefCOCO|RefCOCO+|RefCOCOg|Flickr30K Entities|Flickr30k Entities|COCO-Text|COCO-QA|EPIC-KITCHENS|EPIC-KITCHENS-100
    CIFAR-10-C|CIFAR10-C|CIFAR-100-C|CIFAR100-C|MNIST-C|Tiny-ImageNet-C|TinyImageNet-C|ImageNet-P|ImageNet-Sketch
    ImageNet-V2|ImageNetV2|ObjectNet
    Children's Book Test|Children’s Book Test|Who Did What|Who-Did-What|MCTest|NarrativeQA|NewsQA|SearchQA|QuAC
    WikiHop|bAbI
    FBMS|FBMS-59|SegTrack|SegTrack v2|SegTrack-v2|SegTrackv2|SegTrack V2|YouTube-Objects|Youtube-Objects|DAVIS16|DAVIS17
    DAVIS 2016|DAVIS-2016|DAVIS2016|DAVIS 2017|DAVIS-2017|DAVIS2017
    """
)

DATASETS: frozenset[str] = _terms(
    """
    ImageNet|ImageNet-1K|ImageNet-21K|LAION|LAION-5B|LAION-400M|The Pile|C4|Common Crawl|RedPajama|WikiText
    WikiText-103|OpenWebText|BookCorpus|UltraFeedback|UltraChat|ShareGPT|Dolly|OpenAssistant|HH-RLHF|Anthropic HH
    ShapeNet|Objaverse|WebVid|HowTo100M|Kinetics|Kinetics-400|Something-Something|Ego4D|Open X-Embodiment
    FineWeb|Dolma|SlimPajama|The Stack|OpenMathInstruct|MetaMathQA|NuminaMath|Conceptual Captions|CC3M|CC12M
    Visual Genome|Flickr30k|Flickr8k|YFCC100M|JFT-300M|DataComp|MS-COCO
    miniImageNet|mini-ImageNet|tieredImageNet|tiered-ImageNet|Tiny ImageNet|CIFAR-FS|FC100|Omniglot
    CUB-200-2011|Caltech-UCSD Birds|Caltech-UCSD Birds-200-2011|Caltech-UCSD Birds 200|MIT-Adobe FiveK
    Caltech-101|Caltech-256|STL-10|CelebA|CelebA-HQ|FFHQ|LSUN|Places365|Oxford Flowers
    Stanford Cars|FGVC-Aircraft|Food-101|EMNIST|KMNIST|UCF101|UCF-101|HMDB51|HMDB-51|Something-Something V2
    ActivityNet|Charades|AVA|Human3.6M|3DPW|ModelNet40|ShapeNetPart|S3DIS|SemanticKITTI|nuScenes
    Waymo Open Dataset|ScanNetV2|3DMatch|3DLoMatch|Market-1501|DukeMTMC-reID|MSMT17|LFW|MegaFace
    DukeMTMC|CUHK03|CUHK01|VIPeR|PRID2011|iLIDS-VID|DynTex|YUPENN
    Labeled Faces in the Wild|Labelled Faces in the Wild|Labeled Face in the Wild|Annotated Facial Landmarks in the Wild
    AFLW|Intrinsic Images in the Wild|Lip Reading in the Wild|LRW|3D Poses in the Wild|Depth in the Wild
    VoxCeleb|VoxCeleb2|AudioSet|ESC-50|Penn Treebank|WikiSQL|MultiWOZ|Ubuntu Dialogue Corpus|PersonaChat
    SNLI|MultiNLI|MNLI|SST-2|IMDb|AG News|MovieLens|Netflix Prize|Cora|Citeseer|ogbn-arxiv
    ogbn-products|BP4D|DISFA|AffectNet|Pascal3D+|LVIS|Objects365|OpenImages|Open Images|CrowdHuman
    WIDER FACE|DAVIS|YouTube-VOS|GOT-10k|LaSOT|TrackingNet|MOT17|MOT20|Vimeo-90K|DIV2K|Set5|Set14|BSD100
    iNaturalist|COCO Captions|MS COCO Captions
    Urban100|Manga109|GoPro|SIDD|ETH3D|Middlebury|Sintel|FlyingChairs|FlyingThings3D|Matterport3D
    Tanks and Temples|Tanks & Temples|MIMIC-CXR|IU X-Ray|IU-Xray
    CARLA|RoboNet|MIMIC-III|MIMIC-IV|CheXpert|ChestX-ray14|BraTS|ISIC|LIDC-IDRI|WSJ|TIMIT|TCGA|UK Biobank|ADNI
    Switchboard|CommonVoice|Common Voice|VCTK|LJSpeech|WMT14|WMT16|WMT19|IWSLT|Europarl|MultiUN
    OntoNotes|CoNLL-2003|ACE 2005|TACRED|DocRED|FewRel|FB15k|FB15k-237|WN18|WN18RR|YAGO3-10|PubMed|CiteSeer
    Wikidata|DBpedia|Freebase|YAGO|ConceptNet|WordNet|UMLS|Universal Dependencies|BabelNet|FrameNet|VerbNet|PropBank
    """
)

METRICS: frozenset[str] = _terms(
    """
    accuracy|top-1 accuracy|top-5 accuracy|F1|F1 score|F1-score|macro-F1|micro-F1|macro F1|precision|recall
    BLEU|ROUGE|ROUGE-L|ROUGE-1|ROUGE-2|METEOR|CIDEr|SPICE|BERTScore|perplexity|exact match|EM|pass@1|pass@k
    pass@10|pass@100|win rate|win-rate|length-controlled win rate|LC win rate|success rate|task success rate
    AUC|AUROC|AUC-ROC|ROC-AUC|AUPRC|mAP|mean average precision|mIoU|mean IoU|IoU|PSNR|SSIM|MS-SSIM|LPIPS|FID|FVD
    Inception Score
    CLIP score|CLIPScore|MSE|RMSE|mean absolute error|mean squared error|root mean squared error|NDCG
    nDCG@10|Recall@k|Recall@1|hit rate|MRR|mean reciprocal rank|expected reciprocal rank|WER|word error rate|CER|character error rate
    EER|equal error rate|BLEU-4|chrF|TER|minDCF
    Elo|Elo rating|cumulative reward|average return|episodic return|regret|sample efficiency|sample complexity
    latency|throughput|SPL|ECE|expected calibration error|attack success rate|Sharpe ratio|error rate
    top-1 error|Kendall's tau|Spearman correlation|Pearson correlation
    TPR|FPR|TNR|FNR|true positive rate|false positive rate|true negative rate|false negative rate
    joint goal accuracy|slot accuracy|turn accuracy|prediction accuracy|predictive accuracy|classification accuracy
    classification error|estimation error|generalization error
    faithfulness|factuality|factual accuracy|inference speed|speedup|FLOPs|GFLOPs|memory usage|token usage
    MPJPE|PA-MPJPE|P-MPJPE|mean per joint position error|PCK|PCKh|object keypoint similarity|MOTA|MOTP|IDF1|HOTA
    AbsRel|Abs Rel|SqRel|Sq Rel|minADE|minFDE|average displacement error|final displacement error|KID
    Kernel Inception Distance|Frechet Inception Distance|Fréchet Inception Distance|peak signal-to-noise ratio
    structural similarity index|Dice coefficient|Dice score|Dice similarity coefficient|HD95|Jaccard index|FPR95
    AUPR|EPE|AEPE|end-point error|endpoint error|Chamfer distance|F-measure|F-score|F1-measure|F1 measure|F1-measure score|balanced accuracy|top-5 error
    BARTScore|MoverScore|BLEURT|SacreBLEU|word accuracy|PESQ|STOI|SI-SDR|SI-SNR|mean opinion score|BD-rate
    mean opinion scores|MOS
    Brier score|NMI|ARI|adjusted Rand index|normalized mutual information|Matthews correlation coefficient
    Cohen's kappa|CRPS|MAPE|sMAPE|MASE|coefficient of determination|bits per dimension|bits-per-dimension
    quadratic weighted kappa|QWK|dynamic regret|adaptive regret|simple regret
    Hamming loss|subset accuracy|Banzhaf index|Penrose-Banzhaf index|Shapley-Shubik index
    mean rank|mean reciprocal ranking|Hits@1|Hits@3|Hits@10|Hits@k
    NPMI|normalized pointwise mutual information|topic coherence
    area under the curve|area under curve|area under the ROC curve|area under the receiver operating characteristic curve
    area under the precision-recall curve|higher order tracking accuracy|multiple object tracking accuracy
    ROC|ROC curve|ROC curves|receiver operating characteristic|receiver operating characteristic curve
    receiver operating characteristic curves|precision-recall curve|precision-recall curves|precision recall curve
    precision recall curves|PR curve|PR curves
    multi-object tracking accuracy|multiple object tracking precision
    """
)

TASKS: frozenset[str] = _terms(
    """
    few-shot learning|multi-armed bandit|multi-armed bandits|motion planning|trajectory optimization|system identification
    zero-shot learning|ZSL|generalized zero-shot learning|GZSL
    question answering|open-domain question answering|visual question answering|VQA|QA|machine translation
    summarization|text summarization|abstractive summarization|text classification|sentiment analysis
    named entity recognition|NER|relation extraction|information extraction|semantic parsing|code generation
    program synthesis|text generation|image generation|text-to-image generation|text-to-image synthesis
    video generation|text-to-video generation|image classification|object detection|semantic segmentation
    instance segmentation|panoptic segmentation|image segmentation|pose estimation|depth estimation
    image captioning|video captioning|speech recognition|text-to-speech|speech synthesis|language modeling
    mathematical reasoning|math reasoning|commonsense reasoning|logical reasoning|multi-hop reasoning
    complex reasoning|robotics|robot learning|robotic manipulation|autonomous driving
    recommender systems|sequential recommendation|information retrieval|document retrieval
    dialogue generation|dialogue systems|alignment|continual learning|instruction following
    representation learning|policy learning|lifelong learning|open-ended learning|embodied decision-making
    domain adaptation|domain generalization|anomaly detection|time series forecasting
    link prediction|node classification|graph classification|molecule generation|protein structure prediction
    drug discovery|web navigation|GUI navigation|vision-and-language navigation|VLN
    tool use|code completion|theorem proving|text-to-SQL|fact verification|fact-checking
    hallucination detection|reading comprehension|machine reading comprehension|natural language inference|NLI
    style transfer|image editing|video editing|3D reconstruction|novel view synthesis|super-resolution
    image restoration|image inpainting|video understanding|action recognition|object tracking|visual grounding
    image retrieval|cross-modal retrieval|music generation|audio generation|long video generation|story generation
    machine unlearning|red teaming|jailbreaking|adversarial robustness|out-of-distribution detection|OOD detection
    uncertainty estimation|uncertainty quantification|interpretability|explainability|mechanistic interpretability
    AI safety|fairness|causal discovery|causal inference|structure learning|combinatorial optimization
    game playing|grasping|humanoid control|multi-agent coordination
    long-context modeling|long-context understanding|program repair|software engineering|math word problems
    entity linking|coreference resolution|dependency parsing|part-of-speech tagging|topic modeling
    generative modeling|visual reasoning|spatial reasoning|temporal reasoning|causal reasoning|scientific discovery
    medical diagnosis|image understanding|multimodal understanding|multimodal reasoning|language understanding
    natural language understanding|natural language generation|natural language processing|computer vision
    speech translation|keyphrase extraction|event extraction|knowledge graph completion|question generation
    text-to-3D generation|3D generation|motion generation|video prediction|trajectory prediction|image synthesis
    visual navigation|embodied navigation|mobile manipulation|dexterous manipulation|offline policy evaluation
    credit assignment|exploration-exploitation|preference learning|reward learning|code reasoning
    deep research|web search|data selection|synthetic data generation|model compression
    long-horizon planning|task planning|path planning|multi-turn dialogue|mathematical problem solving
    multi-agent path finding|multi-agent pathfinding|MAPF
    automatic speech recognition|single image super-resolution|single-image super-resolution|partial label learning
    partial domain adaptation|absolute pose regression|relative pose estimation|high dynamic range imaging
    weakly supervised object localization|stable matching|partial multi-label learning|robust mean estimation
    robust matrix completion|face anti-spoofing|face swapping|face super-resolution|face forgery detection
    face attribute editing|referring expression comprehension|referring expression segmentation
    referring expression generation|referring image segmentation|referring video object segmentation
    """
)

#: Names matched on exact case (they are ordinary words in lower case).
CASE_SENSITIVE: frozenset[str] = frozenset(
    {
        # an English word or a word's fragment in lower case ("we clip the gradients", "glue",
        # "a meteor", "fever", "bet- ter" of a PDF line break), a first name capitalised
        "CLIP",
        "TER",
        "KID",
        "GLUE",
        "METEOR",
        "FEVER",
        "ALBERT",
        "BART",
        "AVA",
        "DAVIS",
        "GoPro",
        "Cora",
        "WSJ",
        "Set5",
        "Set14",
        "ISIC",
        "CARLA",
        "Switchboard",
        "Charades",
        "Omniglot",
        "MATH",
        "ARC",
        "DROP",
        "BIRD",
        "Spider",
        "Habitat",
        "CALVIN",
        "POPE",
        "GAIA",
        "MME",
        "RULER",
        "Adam",
        "SAM",
        "EM",
        "MSE",
        "Countdown",
        "Sudoku",
        "Atari",
        "GLM",
        "Yi",
        "OPT",
        "Orca",
        "Tulu",
        "Grok",
        "Kimi",
        "Cosmos",
        "Octo",
        "Falcon",
        "LIBERO",
        "Gemini",
        "Claude",
        "Granite",
        "Dolly",
        "Gemma",
        "Mistral",
        "Alpaca",
        "Vicuna",
        "Zephyr",
        "Whisper",
        "Imagen",
        "Sora",
        "Flamingo",
        "Chinchilla",
        "Gopher",
        "BLOOM",
        "APPS",
        "mAP",
        "PaLM",
        "Codex",
        "Crafter",
        "NetHack",
        "Mamba",
        "C4",
        "WMT",
        "HELM",
        "AMC",
        "AIME",
        "QA",
        "VQA",
        "NER",
        "NLI",
        "VLN",
        "PRM",
        "ORM",
        "SFT",
        "RFT",
        "ICL",
        "CoT",
        "ToT",
        "RL",
        "MoE",
        "SSM",
        "SSMs",
        "GAT",
        "GAE",
        "MDP",
        "MPC",
        "UCB",
        "SVM",
        "PCA",
        "SAC",
        "IPO",
        "KTO",
        "GRU",
        "MLP",
        "VAE",
        "GAN",
        "GANs",
        "CNN",
        "CNNs",
        "RNN",
        "RNNs",
        "GNN",
        "GNNs",
        "GCN",
        "ViT",
        "SGD",
        "AdamW",
        "AUC",
        "FID",
        "FVD",
        "SPL",
        "ECE",
        "WER",
        "CER",
        "MRR",
        "Elo",
        "F1",
        "BLEU",
        "SPICE",
        "REINFORCE",
        "ReAct",
    }
)

#: Natural languages: a language's name alone is never an entity ("six English benchmarks and
#: one Chinese dataset", "the English and Chinese portions of OntoNotes").
LANGUAGES: frozenset[str] = frozenset(
    t.lower()
    for t in _terms(
        """
    English|Chinese|Mandarin|Cantonese|German|French|Spanish|Portuguese|Italian|Dutch|Swedish|Danish|Norwegian
    Finnish|Estonian|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Russian|Ukrainian|Arabic
    Hebrew|Persian|Farsi|Hindi|Urdu|Bengali|Tamil|Telugu|Japanese|Korean|Vietnamese|Thai|Indonesian|Malay
    Swahili|Yoruba|Amharic
    """
    )
)

#: Units of measurement: never a name.
UNITS: frozenset[str] = _terms("dB|Hz|kHz|MHz|GHz|KB|MB|GB|TB|KBytes|MBytes|GBytes|TBytes|kbps|Mbps|Gbps")
#: Units, English words written in capitals for emphasis or logic ("does NOT depend", "a NOVEL framework", "AND, OR,
#: NOT gates"), a kind of image ("RGB-D") and the state of the art ("outperforming SOTAs"): no name,
#: whichever component finds them (case-sensitive: "OR" may be a paper's odds ratio).
NO_NAMES: frozenset[str] = UNITS | _terms(
    "NOT|AND|BUT|NOR|ONLY|NOVEL|NEW|RGB-D|RGBD|RGB+D|RGB|SOTA|SoTA|SOTAs|SoTAs|SoA|SoAs"
)

#: Kinds of recorded signal or image a study works with (imaging, physiological signals and the vital signs read from
#: them, health records):
#: what the data are, none of the six types, however an abstract uses them ("measured signals such as EEG
#: and EMG", "electronic health records (EHRs)"). Acronyms another field also uses (PET, SAR, HSI) are
#: left out; their long forms are here.
MODALITIES: frozenset[str] = _terms(
    """
    fMRI|MRI|dMRI|sMRI|CT|CBCT|OCT|DTI|EEG|iEEG|MEG|ECG|EKG|EMG|sEMG|EOG|PPG|rPPG|fNIRS|EHR|EHRs|CXR|CXRs|WSI|WSIs
    X-ray|X-rays|magnetic resonance imaging|functional magnetic resonance imaging|functional MRI|diffusion MRI
    structural MRI|computed tomography|computerized tomography|computerised tomography|cone-beam computed tomography
    optical coherence tomography
    diffusion tensor imaging|positron emission tomography|electroencephalography|electroencephalogram
    electroencephalograms|intracranial electroencephalography|magnetoencephalography|electrocardiography
    electrocardiogram|electrocardiograms|electromyography|electromyogram|surface electromyography
    electrooculography|photoplethysmography|remote photoplethysmography|photoplethysmogram
    functional near-infrared spectroscopy|electronic health records|electronic health record
    electronic medical records|chest X-ray|chest X-rays|chest radiographs|whole slide images|whole-slide images
    synthetic aperture radar|hyperspectral imaging|hyperspectral images|cryo-electron microscopy|cryo-EM
    cryo-electron tomography|cryo-ET|electron microscopy
    event-related potential|event-related potentials|ERP|ERPs|error-related potential|error-related potentials|ErrP
    heart rate|heart rate variability|HRV|respiratory rate|respiration rate|breathing rate|blood pressure
    oxygen saturation|SpO2|blood oxygen saturation
    light field|light fields|light-field|light-fields|global shutter|rolling shutter
    ErrPs|evoked potentials|SSVEP|SSVEPs|local field potential|local field potentials|LFP|LFPs
    NIR|near-infrared|near infrared|SWIR|short-wave infrared|shortwave infrared
    MSI|MSIs|HSI|HSIs|multispectral image|multispectral images|multi-spectral image|multi-spectral images
    multispectral imaging|hyperspectral image|hyperspectral imagery|multispectral imagery
    """
)

#: Broad research fields: the subject area, not a method or task a paper works on (the team's annotations
#: name "computer vision" in none of the 533 train abstracts that say it, "deep learning" in 2 of 515).
FIELDS: frozenset[str] = frozenset(
    t.lower() for t in _terms(
        "machine learning|deep learning|computer vision|artificial intelligence|statistics|data mining"
        "|natural language processing|robotics|data science|Internet of Things|Internet-of-Things"
    )
)

#: Classes of model written as acronyms: generic however a paper spells them out ("vision-language
#: models (VLMs)"; gold guidelines: "LLMs" is no Model).
MODEL_CLASSES: frozenset[str] = frozenset(
    t.lower() for t in _terms("LLM|LLMs|LM|LMs|VLM|VLMs|MLLM|MLLMs|LVLM|LVLMs|LMM|LMMs|PLM|PLMs|PTMs|PTLM|PTLMs|PrLM|PrLMs|VLA|VLAs")
)

#: Classes of model, organisations and funders, places, venues, formats, hardware, radio and wired links, web
#: platforms where data is gathered (not a named data collection) and parts of a paper: never an
#: entity on their own, whichever component finds them (a recogniser's "MIT" of "MIT-States", "IBM", "VLM").
NEVER_ALONE: frozenset[str] = MODEL_CLASSES | frozenset(
    t.lower()
    for t in _terms(
        """
    AI|AGI|USA|US|UK|EU|IEEE|ACM|ACL|NeurIPS|ICML|ICLR
    CVPR|ECCV|ICCV|AAAI|EMNLP|NAACL|GitHub|Hugging Face|HuggingFace|arXiv|OpenAI|Google|Meta|Microsoft|Anthropic
    NSF|NIH|DARPA|IARPA|ONR|EPSRC|NSFC
    DeepMind|NVIDIA|Apple|IBM|Baidu|Alibaba|Tencent|ByteDance|Huawei|Stanford|MIT|CMU|Berkeley|URL|PDF|HTML|JSON
    HTTP|HTTPS|XML|CSV|GIF|GIFs|MIDI
    GeForce|GTX|RTX|Titan X|Titan Xp|Titan RTX|Titan V|Jetson|Jetson Nano|Jetson TX2|Raspberry Pi|RealSense
    Intel RealSense
    Intel|AMD|Xeon|V100|A100|H100|Stratix|FPGA|FPGAs|ASIC|ASICs|GPU|GPUs|CPU|CPUs|TPU|TPUs
    H200|B200|P100|K80|A6000|MI250X|MI300|MI300X|IPU|IPUs|NPU|NPUs|TrueNorth|Loihi|Loihi 2|SpiNNaker|Jetson Orin
    Franka|Franka Panda|Franka Emika Panda|UR5|UR5e|UR10|KUKA|KUKA LWR|KUKA iiwa|Baxter|PR2|Sawyer|Kinova|ANYmal
    HRP-2|HRP-4|iCub|Unitree Go1|Unitree A1|Unitree H1|Unitree G1|Unitree Go2|xArm|xArm6|xArm7|UFactory xArm|WidowX
    Kinova Jaco|Kinova Gen3|Allegro Hand|LEAP Hand|Robotiq
    WiFi|Wi-Fi|Bluetooth|RFID|5G|LTE|Ethernet|USB
    Amazon Mechanical Turk|Mechanical Turk|MTurk|SourceForge|LinkedIn
    STEM|IID|Q&A|Fig|Figure|Table|Sec|Section|Appendix|Eq|Code|Project|Page|Demo|Abstract|CITATION|REF
    """
    )
)

#: What a method is compared with or trained towards, never a thing of its own: "the SotA", "the ground truth (GT)".
NO_THINGS: frozenset[str] = frozenset(
    t.lower() for t in _terms("SOTA|SoTA|SOTAs|state of the art|state-of-the-art|GT|ground truth|ground-truth")
)

#: Acronyms and words that are never entities on their own.
GENERIC_NAMES: frozenset[str] = LANGUAGES | frozenset(t.lower() for t in UNITS) | NEVER_ALONE | NO_THINGS | frozenset(
    t.lower()
    for t in _terms(
        """
    ML|NLP|CV|DL|NN|NNs|DNN|DNNs|API|APIs|Python|PyTorch|TensorFlow|CUDA|Linux
    Windows|Android|iOS|Amazon|GUI|GUIs|OOD|OCR|RGB|RGB-D|LiDAR|I|II|III|IV|Q|A|AIGC|GenAI|IoT|VR|AR|UI|UX|KL|SQL
    3D|2D|4D|HD|FPS|LLM-based|V&L|V+L
    """
    )
)
